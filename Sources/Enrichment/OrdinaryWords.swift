/// Ordinary English and trial-report words that must never be read as a drug, whatever a dictionary says.
///
/// A spelling equal to one of these (ignoring letter case) is left out of matching and reported by
/// ``DrugDictionary/problems()``; words like these are also never taken for a misspelt drug name.
enum OrdinaryWords {
    /// Whether `folded` (lower case, see ``MatchText``) is an ordinary word.
    static func contains(_ folded: String) -> Bool { words.contains(folded) }

    static let words: Set<String> = [
        // function words and very common words
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "both", "but", "by", "can", "could", "day", "days", "do", "does", "each", "either", "for", "from",
        "had", "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "just", "may",
        "more", "most", "must", "new", "no", "none", "nor", "not", "now", "of", "on", "once", "one", "only",
        "or", "other", "our", "out", "over", "per", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "two",
        "under", "up", "upon", "us", "use", "used", "very", "via", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "will", "with", "within", "without", "would", "yes", "you", "your",
        // everyday words that brand names sometimes borrow
        "advance", "advantage", "aid", "air", "alert", "balance", "best", "bliss", "calm", "care", "clear",
        "comfort", "control", "cure", "daily", "defend", "ease", "energy", "focus", "fresh", "gold", "guard",
        "health", "hope", "iron", "lead", "life", "light", "liberty", "magic", "max", "mega", "mild",
        "nature", "nova", "plan", "plus", "power", "prime", "pure", "rapid", "relief", "rest", "restore",
        "salt", "select", "silver", "sleep", "smart", "solo", "spring", "strong", "sugar", "sun", "today",
        "total", "ultra", "unity", "vital", "water", "wave", "zest",
        // trial vocabulary
        "active", "adjuvant", "agent", "agents", "antibody", "arm", "arms", "baseline", "blood", "cancer",
        "capsule", "capsules", "cell", "cells", "chemotherapy", "combination", "comparator", "cycle",
        "cycles", "dose", "doses", "drug", "drugs", "gene", "group", "induction", "infusion", "inhibitor",
        "inhibitors", "injection", "intervention", "maintenance", "medication", "month", "months",
        "neoadjuvant", "observation", "patient", "patients", "placebo", "procedure", "protein", "radiation",
        "radiotherapy", "regimen", "response", "saline", "sham", "solution", "standard", "study", "surgery",
        "survival", "tablet", "tablets", "therapy", "treatment", "trial", "tumor", "tumour", "vehicle",
        "week", "weeks", "year", "years",
    ]
}
