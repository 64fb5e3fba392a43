/// Country names as trial sites print them, for telling a country from a city or a facility.
enum CountryNames {
    /// Whether `text` is a country name (case-insensitive).
    static func isCountry(_ text: some StringProtocol) -> Bool { keys.contains(key(text)) }

    /// The longest country name that starts `text`, with its length in bytes.
    static func prefix(of text: String) -> String? {
        let words = TextValue.words(text)
        for count in stride(from: min(words.count, 5), through: 1, by: -1) {
            let candidate = String(text[..<words[count - 1].end])
            if isCountry(candidate) { return candidate }
        }
        return nil
    }

    private static func key(_ text: some StringProtocol) -> String {
        text.lowercased().filter { $0.isLetter }
    }

    private static let keys: Set<String> = Set(names.map { key($0) })

    static let names: [String] = [
        "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia",
        "Australia", "Austria",
        "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
        "Belize", "Benin",
        "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria",
        "Burkina Faso",
        "Burundi", "Cambodia", "Cameroon", "Canada", "Cape Verde", "Central African Republic",
        "Chad", "Chile",
        "China", "Colombia", "Comoros", "Congo", "Costa Rica", "Côte d'Ivoire", "Cote d'Ivoire",
        "Ivory Coast",
        "Croatia", "Cuba", "Cyprus", "Czechia", "Czech Republic", "Denmark", "Djibouti", "Dominica",
        "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
        "Estonia",
        "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia",
        "Germany", "Ghana",
        "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras",
        "Hong Kong",
        "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iran, Islamic Republic of", "Iraq",
        "Ireland",
        "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Korea",
        "Korea, Republic of",
        "Republic of Korea", "South Korea", "North Korea", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos",
        "Latvia",
        "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg",
        "Macau", "Macao",
        "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Mauritania", "Mauritius",
        "Mexico",
        "Moldova", "Moldova, Republic of", "Monaco", "Mongolia", "Montenegro", "Morocco",
        "Mozambique", "Myanmar",
        "Namibia", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria",
        "North Macedonia",
        "Macedonia", "Norway", "Oman", "Pakistan", "Palestine", "Panama", "Papua New Guinea",
        "Paraguay", "Peru",
        "Philippines", "Poland", "Portugal", "Puerto Rico", "Qatar", "Romania", "Russia",
        "Russian Federation",
        "Rwanda", "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore",
        "Slovakia",
        "Slovenia", "Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan",
        "Suriname", "Sweden",
        "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Togo",
        "Trinidad and Tobago",
        "Tunisia", "Turkey", "Türkiye", "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates",
        "United Kingdom", "UK", "United States", "USA", "U.S.A.", "Uruguay", "Uzbekistan",
        "Venezuela", "Vietnam",
        "Viet Nam", "Yemen", "Zambia", "Zimbabwe", "Scotland", "England", "Wales",
        "Northern Ireland",
    ]
}
