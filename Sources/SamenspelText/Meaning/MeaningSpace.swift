import Foundation

/// Sentence vectors of one board, centred on the board's mean and normalised again:
/// the notes of one workshop all sit close together in the model's space (cosines of
/// 0.8–0.95), and what tells them apart is how each differs from the board as a whole.
struct MeaningSpace {
    let count: Int
    let dimension: Int
    /// Row-major, `count × dimension`.
    private(set) var rows: [Float]
    /// The board's mean vector (before centring), to centre other texts the same way.
    let mean: [Float]

    /// - Parameter vectors: one per note, all of the same length.
    init(_ vectors: [[Float]]) {
        count = vectors.count
        dimension = vectors.first?.count ?? 0
        var mean = [Float](repeating: 0, count: dimension)
        for vector in vectors { for d in 0..<dimension { mean[d] += vector[d] } }
        if count > 0 { for d in 0..<dimension { mean[d] /= Float(count) } }
        self.mean = mean
        rows = []
        rows.reserveCapacity(count * dimension)
        for vector in vectors { rows += Self.centred(vector, mean: mean) }
    }

    /// `vector` minus the board mean, normalised (zero stays zero).
    static func centred(_ vector: [Float], mean: [Float]) -> [Float] {
        var out = zip(vector, mean).map { $0 - $1 }
        var norm: Float = 0
        for value in out { norm += value * value }
        let length = norm.squareRoot()
        if length > 1e-6 { for d in out.indices { out[d] /= length } }
        return out
    }

    /// The cosine of two centred rows.
    func similarity(_ a: Int, _ b: Int) -> Float {
        rows.withUnsafeBufferPointer { Self.dot($0.baseAddress! + a * dimension, $0.baseAddress! + b * dimension, dimension) }
    }

    /// The cosine of a centred row and a centred outside vector.
    func similarity(_ a: Int, to vector: [Float]) -> Float {
        rows.withUnsafeBufferPointer { rows in
            vector.withUnsafeBufferPointer { Self.dot(rows.baseAddress! + a * dimension, $0.baseAddress!, dimension) }
        }
    }

    /// Every pairwise cosine as a dense symmetric matrix (row-major, 1 on the diagonal),
    /// with the mean and standard deviation of the off-diagonal values. Rows are spread
    /// over the cores; each value is summed in one fixed order, so the result does not
    /// depend on the number of threads.
    func similarityMatrix() -> (matrix: [Float], mean: Double, deviation: Double) {
        let n = count, dim = dimension
        var matrix = [Float](repeating: 0, count: n * n)
        var sums = [Double](repeating: 0, count: n)
        var squares = [Double](repeating: 0, count: n)
        matrix.withUnsafeMutableBufferPointer { out in
            rows.withUnsafeBufferPointer { rows in
                sums.withUnsafeMutableBufferPointer { sums in
                    squares.withUnsafeMutableBufferPointer { squares in
                        // Each chunk writes its own rows: no two threads touch one value.
                        guard let out = out.baseAddress, let rows = rows.baseAddress, let sums = sums.baseAddress,
                            let squares = squares.baseAddress else { return }
                        nonisolated(unsafe) let m = out, r = rows, s = sums, q = squares
                        let chunks = max(1, min(n, ProcessInfo.processInfo.activeProcessorCount * 4))
                        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                            // Interleaved rows give each chunk a fair share of the triangle.
                            for a in stride(from: chunk, to: n, by: chunks) {
                                var sum = 0.0, square = 0.0
                                for b in (a + 1)..<max(a + 1, n) {
                                    let value = Self.dot(r + a * dim, r + b * dim, dim)
                                    m[a * n + b] = value
                                    sum += Double(value)
                                    square += Double(value) * Double(value)
                                }
                                s[a] = sum
                                q[a] = square
                            }
                        }
                        for a in 0..<n {
                            m[a * n + a] = 1
                            for b in 0..<a { m[a * n + b] = m[b * n + a] }
                        }
                    }
                }
            }
        }
        let pairs = Double(n * (n - 1) / 2)
        guard pairs > 0 else { return (matrix, 0, 0) }
        let mean = sums.reduce(0, +) / pairs
        let variance = max(0, squares.reduce(0, +) / pairs - mean * mean)
        return (matrix, mean, variance.squareRoot())
    }

    /// A dot product in a fixed order of summation (16 lanes, then the lanes in order).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var lanes = SIMD16<Float>(repeating: 0)
        var index = 0
        while index + 16 <= count {
            let x = UnsafeRawPointer(a + index).loadUnaligned(as: SIMD16<Float>.self)
            let y = UnsafeRawPointer(b + index).loadUnaligned(as: SIMD16<Float>.self)
            lanes += x * y
            index += 16
        }
        var total = lanes.sum()
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }
}
