#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// LAPACK's Cholesky entry points from OpenBLAS, looked up at run time with `dlopen`.
///
/// Linking `-lopenblas` made the package fail to build on a machine without `libopenblas-dev`, so the library is
/// optional: when no OpenBLAS is installed `shared` is nil and `SymmetricInverse` uses its Swift path.
/// `REGULARS_NO_BLAS=1` forces the Swift path (for comparisons).
struct LAPACK: @unchecked Sendable {
    typealias Factor =
        @convention(c) (
            UnsafeMutablePointer<CChar>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Float>,
            UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>
        ) -> Void
    let spotrf: Factor
    let spotri: Factor

    static let shared: LAPACK? = {
        if let flag = getenv("REGULARS_NO_BLAS"), String(cString: flag) == "1" { return nil }
        return load()
    }()

    /// The first OpenBLAS the dynamic loader finds (Debian's runtime package, then the dev symlink, then macOS).
    static func load() -> LAPACK? {
        for name in ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let f = dlsym(handle, "spotrf_"), let i = dlsym(handle, "spotri_") else {
                dlclose(handle)
                continue
            }
            // One thread per call: training fits several candidate models at once, one per core, and OpenBLAS's
            // own threads then spin against each other (seconds of system time, runs taking half again as long).
            if let threads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(threads, to: (@convention(c) (Int32) -> Void).self)(1)
            }
            return LAPACK(spotrf: unsafeBitCast(f, to: Factor.self), spotri: unsafeBitCast(i, to: Factor.self))
        }
        return nil
    }
}
