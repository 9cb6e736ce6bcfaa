import CZlib
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes read from a file in chunks; gzip is detected by its magic bytes (`1f 8b`), not by the name.
///
/// Not `Sendable`: one reader owns it and closes it when done.
final class ByteSource {
    let displayName: String
    private let file: UnsafeMutablePointer<FILE>
    private var stream = z_stream()
    private let gzip: Bool
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = 1 << 16
    private var inputEnded = false
    private var finished = false
    private var atMemberBoundary = false

    /// Opens `url`; throws a message naming the file when it cannot be opened or is not valid gzip.
    init(url: URL, displayName: String) throws {
        self.displayName = displayName
        guard let handle = fopen(url.path, "rb") else {
            throw CSVError(
                file: displayName, line: 0, field: nil, message: "cannot open file: \(String(cString: strerror(errno)))"
            )
        }
        file = handle
        input = .allocate(capacity: inputCapacity)
        var magic: (UInt8, UInt8) = (0, 0)
        let got = withUnsafeMutableBytes(of: &magic) { fread($0.baseAddress, 1, 2, handle) }
        rewind(handle)
        gzip = got == 2 && magic.0 == 0x1f && magic.1 == 0x8b
        if gzip {
            // 15 + 32: zlib reads the gzip header itself.
            guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                fclose(handle)
                input.deallocate()
                throw CSVError(file: displayName, line: 0, field: nil, message: "cannot start gzip decoding")
            }
        }
    }

    /// How far into the file (compressed bytes for gzip) reading has got, for progress.
    var position: Int { ftell(file) }

    deinit {
        if gzip { inflateEnd(&stream) }
        fclose(file)
        input.deallocate()
    }

    /// Fills `buffer` from its start; returns how many bytes were written, 0 at the end of the data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard gzip else { return fread(buffer.baseAddress, 1, buffer.count, file) }
        var produced = 0
        while produced == 0 && !finished {
            if stream.avail_in == 0 && !inputEnded {
                let n = fread(input, 1, inputCapacity, file)
                if n == 0 {
                    inputEnded = true
                    if atMemberBoundary {
                        finished = true
                        break
                    }
                }
                stream.next_in = input
                stream.avail_in = UInt32(n)
            }
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(buffer.count)
            let status = inflate(&stream, Z_NO_FLUSH)
            produced = buffer.count - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                // Concatenated gzip members are legal (`cat a.gz b.gz`): go on while input follows.
                if stream.avail_in == 0 && inputEnded {
                    finished = true
                } else {
                    inflateReset(&stream)
                    atMemberBoundary = true
                }
            case Z_OK, Z_BUF_ERROR:
                if produced > 0 { atMemberBoundary = false }
                if stream.avail_in == 0 && inputEnded && produced == 0 {
                    throw CSVError(
                        file: displayName, line: 0, field: nil, message: "the gzip data ends early (a truncated file?)")
                }
            default:
                throw CSVError(
                    file: displayName, line: 0, field: nil, message: "not valid gzip data (zlib status \(status))")
            }
        }
        return produced
    }
}
