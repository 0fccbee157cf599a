/// A problem in a workshop file, with the place it was found.
public struct WorkshopError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column, counted in Unicode scalars.
    public var column: Int?
    public var message: String

    public init(line: Int?, column: Int?, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "line \(line), column \(column): \(message)"
        case let (line?, nil): "line \(line): \(message)"
        default: message
        }
    }
}
