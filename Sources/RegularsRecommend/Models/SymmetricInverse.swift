import Foundation

/// Inverts a symmetric positive-definite matrix in place (dense, n × n, row-major), by Cholesky.
///
/// Where OpenBLAS is installed (`libopenblas0`, found at run time, never linked) it calls LAPACK's `spotrf` +
/// `spotri`; elsewhere, an unblocked SIMD Cholesky in Swift with its two later steps on every core. Both give the
/// same matrix to float precision (tested); OpenBLAS is only faster. Returns `false` when the matrix is not
/// positive definite.
enum SymmetricInverse {
    static func invert(_ a: inout [Float], n: Int) -> Bool {
        guard n > 0 else { return true }
        if let lapack = LAPACK.shared { return invertWithLAPACK(&a, n: n, lapack) }
        return invertInSwift(&a, n: n)
    }

    static func invertWithLAPACK(_ a: inout [Float], n: Int, _ lapack: LAPACK) -> Bool {
        var info: Int32 = 0
        var size = Int32(n)
        // The leading dimension is a second variable: passing `&size` twice is an exclusivity error.
        var leading = Int32(n)
        var uplo = CChar(UInt8(ascii: "L"))
        a.withUnsafeMutableBufferPointer { buffer in
            lapack.spotrf(&uplo, &size, buffer.baseAddress!, &leading, &info)
            if info == 0 { lapack.spotri(&uplo, &size, buffer.baseAddress!, &leading, &info) }
        }
        guard info == 0 else { return false }
        // Column-major lower = row-major upper: mirror the upper triangle down.
        a.withUnsafeMutableBufferPointer { p in
            for i in 0..<n { for j in 0..<i { p[i * n + j] = p[j * n + i] } }
        }
        return true
    }

    /// Cholesky `A = L Lᵀ`, then `L⁻¹` by forward substitution, then `A⁻¹ = L⁻ᵀ L⁻¹`; every inner loop is a
    /// contiguous SIMD dot product or axpy.
    static func invertInSwift(_ a: inout [Float], n: Int) -> Bool {
        var ok = true
        a.withUnsafeMutableBufferPointer { p in
            let m = p.baseAddress!
            // 1. L in the lower triangle (row-major): L[i][j] = (A[i][j] − L[i,:j]·L[j,:j]) / L[j][j].
            for i in 0..<n {
                let rowI = m + i * n
                for j in 0...i {
                    let s = rowI[j] - dot(rowI, m + j * n, j)
                    if i == j {
                        guard s > 0 else { ok = false; return }
                        rowI[i] = s.squareRoot()
                    } else {
                        rowI[j] = s / m[j * n + j]
                    }
                }
            }
            // 2. W = L⁻¹ (lower), column by column (independent: one task each), by forward substitution into a
            // contiguous scratch column; row j of `inverse` holds column j of W (W[k][j] for k ≥ j).
            var inverse = [Float](repeating: 0, count: n * n)
            inverse.withUnsafeMutableBufferPointer { w in
                let wBase = UncheckedBox(w.baseAddress!)
                let l = UncheckedBox(m)
                let tasks = 64
                Parallel.forEach(tasks) { task in
                    var column = [Float](repeating: 0, count: n)
                    column.withUnsafeMutableBufferPointer { column in
                        let c = column.baseAddress!
                        for j in stride(from: task, to: n, by: tasks) {
                            c[j] = 1 / l.value[j * n + j]
                            for k in (j + 1)..<max(n, j + 1) {
                                // W[k][j] = −(Σ_{t=j}^{k−1} L[k][t] W[t][j]) / L[k][k]
                                let s = dot(UnsafePointer(l.value + k * n + j), UnsafePointer(c + j), k - j)
                                c[k] = -s / l.value[k * n + k]
                            }
                            for k in j..<n { wBase.value[j * n + k] = c[k] }
                        }
                    }
                }
                // 3. A⁻¹[i][j] = Σ_{k ≥ max(i,j)} W[k][i] W[k][j]; task i writes row i and column i from the diagonal
                // on, so no two tasks write the same cell.
                Parallel.forEach(tasks) { task in
                    for i in stride(from: task, to: n, by: tasks) {
                        for j in i..<n {
                            let v = dot(
                                UnsafePointer(wBase.value + i * n + j), UnsafePointer(wBase.value + j * n + j), n - j)
                            l.value[i * n + j] = v
                            l.value[j * n + i] = v
                        }
                    }
                }
            }
        }
        return ok
    }

    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>()
        var k = 0
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        while k + 16 <= count {
            acc0 +=
                rx.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            acc1 +=
                rx.loadUnaligned(fromByteOffset: (k + 8) * 4, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: (k + 8) * 4, as: SIMD8<Float>.self)
            k += 16
        }
        var s = (acc0 + acc1).sum()
        while k < count {
            s += x[k] * y[k]
            k += 1
        }
        return s
    }

    static func dot(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int) -> Float {
        dot(UnsafePointer(x), UnsafePointer(y), count)
    }
    static func dot(_ x: UnsafeMutablePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
        dot(UnsafePointer(x), y, count)
    }
}
