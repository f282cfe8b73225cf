import GRDB
import IAMSimStore

extension DatabaseWriter {
    /// `read`, with a failure reported as the store reports its own (`IAMSimDatabase.failure`):
    /// a damaged value is `StoreError.corrupt`, a busy database `StoreError.busy`, never a raw
    /// SQLite error.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try read(body)
        } catch {
            throw IAMSimDatabase.failure(error, path: path)
        }
    }

    /// `write`, with failures reported as `reading` reports them.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try write(body)
        } catch {
            throw IAMSimDatabase.failure(error, path: path)
        }
    }
}
