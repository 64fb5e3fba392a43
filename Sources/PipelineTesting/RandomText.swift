/// Texts made of random pieces, for tests that compare two readings of the same text.
public struct RandomText {
    /// The pieces texts are made of.
    public let pieces: [String]
    private var generator = SystemRandomNumberGenerator()

    /// Texts of `pieces`.
    public init(pieces: [String]) { self.pieces = pieces }

    /// Calls `body` with `count` texts of `pieces` pieces each.
    public mutating func forEach(_ count: Int, pieces counts: ClosedRange<Int>, _ body: (String) -> Void) {
        for _ in 0..<count { body(next(pieces: counts)) }
    }

    /// A text of between `counts.lowerBound` and `counts.upperBound` pieces, each chosen at random.
    public mutating func next(pieces counts: ClosedRange<Int>) -> String {
        let count = Int.random(in: counts, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }
}
