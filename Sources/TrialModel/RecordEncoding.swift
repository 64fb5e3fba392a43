// `Encodable` for the record and its parts, written out so that a nil field is encoded as an explicit
// `null` (synthesized conformances skip it with `encodeIfPresent`), in the same key order as
// `RecordJSONWriter`. Decoding stays synthesized: `decodeIfPresent` accepts both `null` and absence.

extension TrialRecord {
    private enum EncodingKeys: String, CodingKey {
        case schemaVersion, id, nctId, orgStudyId, secondaryIds, provenance, warnings, briefTitle
        case officialTitle, acronym, overallStatus, phases, studyType, design, conditions, keywords
        case interventions, armGroups, leadSponsor, collaborators, enrollment, dates, briefSummary
        case detailedDescription, eligibility, primaryOutcomes, secondaryOutcomes, locations, contacts
        case references, drugs, crossReferences, seeAlso, referencedBy
    }

    /// Encodes every contract field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(id, forKey: .id)
        try c.encode(nctId, forKey: .nctId)
        try c.encode(orgStudyId, forKey: .orgStudyId)
        try c.encode(secondaryIds, forKey: .secondaryIds)
        try c.encode(provenance, forKey: .provenance)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(briefTitle, forKey: .briefTitle)
        try c.encode(officialTitle, forKey: .officialTitle)
        try c.encode(acronym, forKey: .acronym)
        try c.encode(overallStatus, forKey: .overallStatus)
        try c.encode(phases, forKey: .phases)
        try c.encode(studyType, forKey: .studyType)
        try c.encode(design, forKey: .design)
        try c.encode(conditions, forKey: .conditions)
        try c.encode(keywords, forKey: .keywords)
        try c.encode(interventions, forKey: .interventions)
        try c.encode(armGroups, forKey: .armGroups)
        try c.encode(leadSponsor, forKey: .leadSponsor)
        try c.encode(collaborators, forKey: .collaborators)
        try c.encode(enrollment, forKey: .enrollment)
        try c.encode(dates, forKey: .dates)
        try c.encode(briefSummary, forKey: .briefSummary)
        try c.encode(detailedDescription, forKey: .detailedDescription)
        try c.encode(eligibility, forKey: .eligibility)
        try c.encode(primaryOutcomes, forKey: .primaryOutcomes)
        try c.encode(secondaryOutcomes, forKey: .secondaryOutcomes)
        try c.encode(locations, forKey: .locations)
        try c.encode(contacts, forKey: .contacts)
        try c.encode(references, forKey: .references)
        try c.encode(drugs, forKey: .drugs)
        try c.encode(crossReferences, forKey: .crossReferences)
        try c.encode(seeAlso, forKey: .seeAlso)
        try c.encode(referencedBy, forKey: .referencedBy)
    }
}

extension Design {
    private enum EncodingKeys: String, CodingKey {
        case allocation, interventionModel, primaryPurpose, masking
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(allocation, forKey: .allocation)
        try c.encode(interventionModel, forKey: .interventionModel)
        try c.encode(primaryPurpose, forKey: .primaryPurpose)
        try c.encode(masking, forKey: .masking)
    }
}

extension Intervention {
    private enum EncodingKeys: String, CodingKey {
        case type, name, description, otherNames
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(otherNames, forKey: .otherNames)
    }
}

extension ArmGroup {
    private enum EncodingKeys: String, CodingKey {
        case label, type, description, interventionNames
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(type, forKey: .type)
        try c.encode(description, forKey: .description)
        try c.encode(interventionNames, forKey: .interventionNames)
    }
}

extension Sponsor {
    private enum EncodingKeys: String, CodingKey {
        case name, `class`
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(self.class, forKey: .class)
    }
}

extension Enrollment {
    private enum EncodingKeys: String, CodingKey {
        case count, type
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(type, forKey: .type)
    }
}

extension DateStruct {
    private enum EncodingKeys: String, CodingKey {
        case date, type
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(type, forKey: .type)
    }
}

extension TrialDates {
    private enum EncodingKeys: String, CodingKey {
        case start, primaryCompletion, completion, statusVerified, firstSubmitted, lastUpdate
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(primaryCompletion, forKey: .primaryCompletion)
        try c.encode(completion, forKey: .completion)
        try c.encode(statusVerified, forKey: .statusVerified)
        try c.encode(firstSubmitted, forKey: .firstSubmitted)
        try c.encode(lastUpdate, forKey: .lastUpdate)
    }
}

extension Eligibility {
    private enum EncodingKeys: String, CodingKey {
        case criteria, inclusion, exclusion, sex, minimumAge, maximumAge, healthyVolunteers
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(inclusion, forKey: .inclusion)
        try c.encode(exclusion, forKey: .exclusion)
        try c.encode(sex, forKey: .sex)
        try c.encode(minimumAge, forKey: .minimumAge)
        try c.encode(maximumAge, forKey: .maximumAge)
        try c.encode(healthyVolunteers, forKey: .healthyVolunteers)
    }
}

extension Outcome {
    private enum EncodingKeys: String, CodingKey {
        case measure, timeFrame, description
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(measure, forKey: .measure)
        try c.encode(timeFrame, forKey: .timeFrame)
        try c.encode(description, forKey: .description)
    }
}

extension Location {
    private enum EncodingKeys: String, CodingKey {
        case facility, city, state, zip, country
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(facility, forKey: .facility)
        try c.encode(city, forKey: .city)
        try c.encode(state, forKey: .state)
        try c.encode(zip, forKey: .zip)
        try c.encode(country, forKey: .country)
    }
}

extension Contact {
    private enum EncodingKeys: String, CodingKey {
        case name, role, phone, email
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
    }
}

extension Reference {
    private enum EncodingKeys: String, CodingKey {
        case citation, pmid, doi
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(citation, forKey: .citation)
        try c.encode(pmid, forKey: .pmid)
        try c.encode(doi, forKey: .doi)
    }
}

extension SeeAlsoLink {
    private enum EncodingKeys: String, CodingKey {
        case nctId, title, overallStatus, phases, url
    }

    /// Encodes every field, nil ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EncodingKeys.self)
        try c.encode(nctId, forKey: .nctId)
        try c.encode(title, forKey: .title)
        try c.encode(overallStatus, forKey: .overallStatus)
        try c.encode(phases, forKey: .phases)
        try c.encode(url, forKey: .url)
    }
}
