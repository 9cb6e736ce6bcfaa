import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files that hold customers' details: readable by the owner only (0600), and atomically, so that a
/// reader never sees half a file and the file is never readable by others, not even for a moment.
public enum PrivateFile {
    public static let permissions: Int16 = 0o600

    public static func write(_ data: Data, to url: URL) throws {
        // `.NAME.PID.UUID.tmp`: hidden, unique, and naming its writer, so that a file left by a writer that was
        // killed can be told from one being written now (`writerIsGone`).
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        // Created 0600 from the start (O_EXCL: never someone else's file), not chmod-ed after the fact.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, mode_t(permissions))
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Whether the process that was writing the temporary file `name` (as `write` names them) has ended, so
    /// that the file is a leftover nobody will finish; `nil` when the name carries no writer. A process id
    /// reused since can only make a leftover look alive: it stays until a later clean-up, never the reverse.
    /// Process ids mean something on one host, in one PID namespace: the same bound as the SQLite store's WAL,
    /// which its processes share through memory.
    public static func writerIsGone(temporaryName name: String) -> Bool? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(".tmp".count).split(separator: ".")
        // … NAME-PARTS, PID, UUID
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0 else { return nil }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Makes an existing file owner-only (a file first created by another writer).
    public static func restrict(_ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
    }
}
