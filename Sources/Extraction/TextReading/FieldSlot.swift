import TrialModel

/// A record field that a page's label names ("NCT number", "Target enrollment:", "Gender").
enum FieldSlot: Sendable, Equatable {
    case registryId, orgStudyId, secondaryId
    case briefTitle, officialTitle, acronym
    case status, phase, studyType, studyDesign, allocation, interventionModel, masking,
        primaryPurpose
    case conditions, keywords, interventions, leadSponsor, collaborators
    case enrollment, startDate, primaryCompletionDate, completionDate, statusVerified,
        firstSubmitted, lastUpdate
    case sex, ageRange, minimumAge, maximumAge, healthyVolunteers
    case briefSummary, detailedDescription, criteria, inclusionCriteria, exclusionCriteria
    case contactName, contactPhone, contactEmail
    /// A label the page shows that the record has no field for ("Is FDA regulated").
    case ignored

    /// Whether the slot's value is free text that may span several lines and paragraphs.
    var isFreeText: Bool {
        switch self {
        case .briefSummary, .detailedDescription, .criteria, .inclusionCriteria, .exclusionCriteria:
            true
        default: false
        }
    }

    /// Whether the slot takes one value per line (conditions, interventions, collaborators, keywords).
    var isList: Bool {
        switch self {
        case .conditions, .keywords, .interventions, .collaborators, .secondaryId: true
        default: false
        }
    }
}

/// The label spellings the registries and aggregators use, as `EnumNormalizer.key` keys.
enum FieldLabels {
    /// The slot a label names, or nil when it is not a known label.
    static func slot(forKey key: String) -> FieldSlot? { table[key] }

    /// The slot of a label as printed ("Other study ID #", "Accepts Healthy Volunteers?").
    static func slot(forLabel label: some StringProtocol) -> FieldSlot? {
        table[EnumNormalizer.key(label)]
    }

    /// The longest label key in the table, in words; label prefixes longer than this are not tried.
    static let maxWords = 8

    static let table: [String: FieldSlot] = {
        var t: [String: FieldSlot] = [:]
        func add(_ slot: FieldSlot, _ keys: String...) { for k in keys { t[k] = slot } }
        add(
            .registryId, "NCT_NUMBER", "NCT_ID", "NCT", "NCT_NO", "NCT_IDENTIFIER",
            "CLINICALTRIALS_GOV_ID",
            "CLINICALTRIALS_GOV_IDENTIFIER", "CLINICAL_TRIALS_GOV_ID",
            "CLINICAL_TRIALS_GOV_IDENTIFIER",
            "REGISTRATION_NUMBER", "REGISTRATION_NO", "TRIAL_REGISTRATION_NUMBER",
            "TRIAL_REGISTRATION",
            "REGISTRY_ID", "REGISTRY_NUMBER", "TRIAL_ID", "TRIAL_IDENTIFIER", "US_NCT_NUMBER")
        add(
            .orgStudyId, "OTHER_STUDY_ID", "ORG_STUDY_ID", "PROTOCOL_ID", "PROTOCOL_NUMBER",
            "PROTOCOL_NO",
            "STUDY_ID", "SPONSOR_PROTOCOL_CODE", "SPONSOR_PROTOCOL_NUMBER",
            "SPONSOR_S_PROTOCOL_CODE_NUMBER",
            "PROTOCOL_CODE", "OTHER_STUDY_ID_NUMBERS")
        add(
            .secondaryId, "SECONDARY_ID", "SECONDARY_IDS", "OTHER_IDS", "OTHER_STUDY_IDS",
            "EUDRACT_NUMBER")
        add(.briefTitle, "TITLE", "BRIEF_TITLE", "PUBLIC_TITLE", "STUDY_TITLE", "TRIAL_TITLE")
        add(
            .officialTitle, "OFFICIAL_TITLE", "SCIENTIFIC_TITLE", "FULL_TITLE",
            "FULL_TITLE_OF_THE_TRIAL")
        add(.acronym, "ACRONYM", "STUDY_ACRONYM")
        add(
            .status, "STATUS", "OVERALL_STATUS", "RECRUITMENT_STATUS", "TRIAL_STATUS",
            "STUDY_STATUS",
            "OVERALL_RECRUITMENT_STATUS")
        add(.phase, "PHASE", "PHASES", "TRIAL_PHASE", "STUDY_PHASE")
        add(.studyType, "STUDY_TYPE", "TYPE_OF_STUDY", "TRIAL_TYPE")
        add(.studyDesign, "STUDY_DESIGN", "DESIGN", "TRIAL_DESIGN")
        add(.allocation, "ALLOCATION")
        add(.interventionModel, "INTERVENTION_MODEL", "INTERVENTIONAL_MODEL")
        add(.masking, "MASKING", "BLINDING")
        add(.primaryPurpose, "PRIMARY_PURPOSE")
        add(
            .conditions, "CONDITIONS", "CONDITION", "CONDITION_S", "DISEASE", "DISEASES",
            "CONDITIONS_STUDIED",
            "HEALTH_CONDITIONS", "HEALTH_CONDITION_S_OR_PROBLEM_S_STUDIED", "MEDICAL_CONDITION")
        add(.keywords, "KEYWORDS", "KEYWORD")
        add(
            .interventions, "INTERVENTIONS", "INTERVENTION", "INTERVENTION_S", "TREATMENTS",
            "TREATMENT", "INTERVENTION_TREATMENT")
        add(
            .leadSponsor, "LEAD_SPONSOR", "SPONSOR", "PRIMARY_SPONSOR", "SPONSOR_NAME",
            "SPONSOR_ORGANISATION_NAME")
        add(
            .collaborators, "COLLABORATORS", "COLLABORATOR", "SECONDARY_SPONSOR",
            "SECONDARY_SPONSORS")
        add(
            .enrollment, "ENROLLMENT", "ENROLMENT", "TARGET_ENROLLMENT", "TARGET_ENROLMENT",
            "TARGET_RECRUITMENT",
            "TARGET_SAMPLE_SIZE", "SAMPLE_SIZE", "ESTIMATED_ENROLLMENT", "ACTUAL_ENROLLMENT",
            "ANTICIPATED_ENROLLMENT", "NUMBER_OF_PARTICIPANTS", "PLANNED_ENROLLMENT")
        add(
            .startDate, "START_DATE", "STUDY_START", "STUDY_START_DATE", "TRIAL_START_DATE",
            "ACTUAL_START_DATE",
            "ESTIMATED_START_DATE", "ACTUAL_STUDY_START_DATE", "ESTIMATED_STUDY_START_DATE",
            "DATE_OF_FIRST_ENROLMENT", "DATE_OF_FIRST_ENROLLMENT")
        add(
            .primaryCompletionDate, "PRIMARY_COMPLETION_DATE", "EST_PRIMARY_COMPLETION_DATE",
            "ESTIMATED_PRIMARY_COMPLETION_DATE", "ACTUAL_PRIMARY_COMPLETION_DATE",
            "PRIMARY_COMPLETION",
            "ANTICIPATED_PRIMARY_COMPLETION_DATE")
        add(
            .completionDate, "COMPLETION_DATE", "EST_COMPLETION_DATE", "ESTIMATED_COMPLETION_DATE",
            "ACTUAL_COMPLETION_DATE", "STUDY_COMPLETION_DATE", "STUDY_COMPLETION", "TRIAL_END_DATE",
            "END_DATE",
            "STUDY_END_DATE", "ESTIMATED_STUDY_COMPLETION_DATE", "ACTUAL_STUDY_COMPLETION_DATE",
            "ANTICIPATED_COMPLETION_DATE", "TRIAL_COMPLETION_DATE")
        add(
            .statusVerified, "VERIFIED_DATE", "LAST_VERIFIED", "RECORD_VERIFICATION_DATE",
            "STATUS_VERIFIED_DATE")
        add(
            .firstSubmitted, "FIRST_RECEIVED", "FIRST_SUBMITTED", "FIRST_SUBMITTED_DATE",
            "STUDY_FIRST_SUBMITTED",
            "DATE_REGISTERED", "REGISTRATION_DATE")
        add(
            .lastUpdate, "LAST_UPDATED", "LAST_UPDATE", "LAST_UPDATE_POSTED",
            "LAST_UPDATE_SUBMITTED",
            "LAST_REFRESHED_ON")
        add(
            .sex, "SEX", "GENDER", "PARTICIPANT_GENDER", "SEXES_ELIGIBLE_FOR_STUDY",
            "SEXES_ELIGIBLE", "SEX_GENDER",
            "ELIGIBLE_SEX", "SEXES", "GENDERS")
        add(
            .ageRange, "AGE", "AGES", "AGE_GROUP", "AGE_GROUPS", "AGES_ELIGIBLE_FOR_STUDY",
            "AGES_ELIGIBLE",
            "AGE_RANGE", "ELIGIBLE_AGES", "PARTICIPANT_AGE", "AGE_LIMITS")
        add(.minimumAge, "MINIMUM_AGE", "MIN_AGE", "INCLUSION_AGE_MIN", "LOWER_AGE_LIMIT")
        add(.maximumAge, "MAXIMUM_AGE", "MAX_AGE", "INCLUSION_AGE_MAX", "UPPER_AGE_LIMIT")
        add(
            .healthyVolunteers, "ACCEPTS_HEALTHY_VOLUNTEERS", "HEALTHY_VOLUNTEERS",
            "ACCEPTS_HEALTHY_VOLUNTEER",
            "HEALTHY_VOLUNTEERS_ACCEPTED")
        add(
            .briefSummary, "BRIEF_SUMMARY", "SUMMARY", "CLINICAL_TRIAL_SUMMARY", "STUDY_SUMMARY",
            "TRIAL_SUMMARY",
            "ABSTRACT", "PLAIN_LANGUAGE_SUMMARY")
        add(
            .detailedDescription, "DETAILED_DESCRIPTION", "DESCRIPTION", "STUDY_DESCRIPTION",
            "DETAILED_STUDY_DESCRIPTION")
        add(
            .criteria, "ELIGIBILITY_CRITERIA", "CRITERIA", "ELIGIBILITY", "KEY_ELIGIBILITY_CRITERIA"
        )
        add(
            .inclusionCriteria, "INCLUSION_CRITERIA", "KEY_INCLUSION_CRITERIA", "INCLUSION",
            "MAIN_INCLUSION_CRITERIA")
        add(
            .exclusionCriteria, "EXCLUSION_CRITERIA", "KEY_EXCLUSION_CRITERIA", "EXCLUSION",
            "MAIN_EXCLUSION_CRITERIA")
        add(
            .contactName, "CONTACT", "CENTRAL_CONTACT", "CONTACT_PERSON", "STUDY_CONTACT",
            "CONTACT_NAME")
        add(.contactPhone, "PHONE", "TELEPHONE", "TEL", "PHONE_NUMBER", "CONTACT_PHONE")
        add(.contactEmail, "EMAIL", "E_MAIL", "CONTACT_EMAIL", "EMAIL_ADDRESS")
        add(
            .ignored, "IS_FDA_REGULATED", "HEALTH_AUTHORITY", "RESPONSIBLE_PARTY", "INFORMATION_PROVIDED_BY",
            "OBSERVATIONAL_MODEL", "TIME_PERSPECTIVE", "ENDPOINT_CLASSIFICATION", "BIOSPECIMEN_RETENTION",
            "BIOSPECIMEN_DESCRIPTION", "SAMPLING_METHOD", "STUDY_POPULATION", "FDA_REGULATED_DRUG",
            "FDA_REGULATED_DEVICE", "DATA_MONITORING_COMMITTEE", "IPD_SHARING", "PLAN_TO_SHARE_IPD",
            "FIRST_POSTED", "FIRST_SUBMITTED_THAT_MET_QC_CRITERIA", "RESULTS_FIRST_POSTED",
            "LAST_UPDATE_SUBMITTED_THAT_MET_QC_CRITERIA", "RESULTS_FIRST_SUBMITTED")
        return t
    }()
}
