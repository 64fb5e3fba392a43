public import Pipeline

extension TrialRecordXSD.LoadError: DescribedError {
    public var errorCode: TrialpipeError.Code { .schemaResourceMissing }
    public var errorMessage: String { description + "; rebuild trialpipe so that its Sinks bundle holds the XSD" }
}
