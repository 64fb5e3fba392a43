public import TrialpipeErrors

extension InotifyParseError: DescribedError {
    public var errorCode: TrialpipeError.Code { .inotifyTruncated }

    public var errorMessage: String {
        switch self {
        case .truncatedHeader(let offset):
            "an inotify read ended inside an event header at byte \(offset); the watcher rescans the folder"
        case .truncatedName(let offset, let length):
            "an inotify event at byte \(offset) names \(length) bytes the read did not hold; the watcher rescans "
                + "the folder"
        }
    }
}
