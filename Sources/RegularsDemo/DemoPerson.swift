import RegularsData

/// A demo customer's name and address, as the orders export writes them.
struct DemoPerson: Sendable {
    var firstName: String
    var lastName: String
    /// `nil` for guests.
    var email: String?
    var acceptsMarketing: Bool
    var address1: String
    var address2: String
    var city: String
    var zip: String
    var phone: String

    var fullName: String { "\(firstName) \(lastName)" }

    /// A person with a plausible UK address; the e-mail is `first.last@example.com`, numbered when taken.
    static func make(random: inout DemoRandom, takenEmails: inout Set<String>, guest: Bool) -> DemoPerson {
        let first = random.pick(firstNames)
        let last = random.pick(lastNames)
        var email: String?
        if !guest {
            let stem = "\(first).\(last)".lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(
                of: "'", with: "")
            var candidate = "\(stem)@example.com"
            var n = 2
            while takenEmails.contains(candidate) {
                candidate = "\(stem)\(n)@example.com"
                n += 1
            }
            takenEmails.insert(candidate)
            email = candidate
        }
        let (city, postcode) = random.pick(towns)
        let flat = random.chance(0.25) ? "Flat \(random.int(in: 1...24))" : ""
        let phone = random.chance(0.4) ? "+44 7700 9\(random.int(in: 10_000...99_999))" : ""
        return DemoPerson(
            firstName: first, lastName: last, email: email, acceptsMarketing: !guest && random.chance(0.64),
            address1: "\(random.int(in: 1...180)) \(random.pick(streets))", address2: flat, city: city,
            zip: "\(postcode)\(random.int(in: 1...19)) \(random.int(in: 1...9))" + random.pick(letters)
                + random.pick(letters),
            phone: phone)
    }

    private static let letters = [
        "A", "B", "D", "E", "F", "G", "H", "J", "L", "N", "P", "Q", "R", "S", "T", "U", "W", "X", "Y", "Z",
    ]

    static let firstNames = [
        "Ana", "James", "Mei", "Lucas", "Olivia", "Amelia", "Noah", "Isla", "Oliver", "Ava", "Leo", "Freya", "Arthur",
        "Grace", "Harry", "Sofia", "Jack", "Priya", "Mohammed", "Zara", "George", "Ella", "Theo", "Chloe", "Oscar",
        "Lily", "Finn", "Ruby", "Samuel", "Hannah", "Tomasz", "Aisha", "Daniel", "Niamh", "Ewan", "Fatima", "Kofi",
        "Ines", "Mateo", "Yuki", "Sean", "Maya", "Rahul", "Eleanor", "Callum", "Rosa", "Dylan", "Imogen", "Ben",
        "Charlotte", "Ali", "Evie", "Joseph", "Alice", "Kwame", "Lena", "Marek", "Nadia", "Owen", "Harriet",
    ]
    static let lastNames = [
        "Silva", "Okafor", "Chen", "Moreau", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans",
        "Thomas", "Roberts", "Walker", "Wright", "Patel", "Khan", "Hughes", "Green", "Hall", "Wood", "Clarke",
        "Murphy", "O'Brien", "Kowalski", "Nowak", "Ahmed", "Ali", "Singh", "Shah", "Mensah", "Campbell", "Stewart",
        "Macdonald", "Reid", "Fraser", "Davies", "Lewis", "Morgan", "Price", "Rossi", "Garcia", "Fernandes", "Kim",
        "Nguyen", "Tanaka", "Cohen", "Novak", "Byrne", "Kelly", "Bennett", "Cooper", "Ward", "Fox", "Harper",
    ]
    static let streets = [
        "Orchard Lane", "Mill Road", "Harbour Street", "Church Lane", "High Street", "Station Road", "Victoria Road",
        "Park Avenue", "Queen Street", "The Green", "Beech Grove", "Kings Road", "Meadow Way", "Riverside",
        "Chapel Street", "Elm Close", "Castle Hill", "North Parade", "Willow Crescent", "Market Place",
    ]
    static let towns: [(String, String)] = [
        ("Bristol", "BS"), ("Cambridge", "CB"), ("Leith", "EH"), ("Ludlow", "SY"), ("Manchester", "M"), ("Leeds", "LS"),
        ("London", "N"), ("London", "SE"), ("London", "E"), ("Brighton", "BN"), ("Bath", "BA"), ("York", "YO"),
        ("Cardiff", "CF"), ("Glasgow", "G"), ("Norwich", "NR"), ("Oxford", "OX"), ("Exeter", "EX"), ("Belfast", "BT"),
        ("Sheffield", "S"), ("Frome", "BA"), ("Hebden Bridge", "HX"), ("Stroud", "GL"), ("Totnes", "TQ"),
    ]
}
