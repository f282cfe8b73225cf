import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

@Suite("Migrating database files")
struct MigrationTests {
    func temporaryPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iamsim-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("iamsim.sqlite").path
    }

    /// The schema as SQLite stores it, table by table.
    func schema(_ reader: AppDatabase) throws -> [String] {
        try reader.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
            )
        }
    }

    @Test("a file migrated in one transaction has the schema and migration records of GRDB's migrator")
    func sameSchema() throws {
        let path = try temporaryPath()
        let file = try AppDatabase.open(path: path)
        let memory = try AppDatabase.inMemory()
        #expect(try schema(file) == schema(memory))
        // As sets: the table records which migrations ran, not their order ("v10…" sorts before "v2").
        let applied = try file.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(applied.sorted() == Schema.migrator.migrations.sorted())
        #expect(applied.count == Schema.migrations.count)
        #expect(try file.read { db in try Schema.migrator.hasCompletedMigrations(db) })
    }

    @Test("a file with only some migrations gets the others, and keeps its rows")
    func partial() throws {
        let path = try temporaryPath()
        let queue = try DatabaseQueue(path: path)
        var older = DatabaseMigrator()
        for migration in Schema.migrations.prefix(2) {
            older.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        try older.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO account (id, createDate, rootEmail, rootPasswordHash) VALUES ('123456789012', '2026-01-05 09:00:00.000', 'a@b.c', 'x')"
            )
        }
        try queue.close()
        let file = try AppDatabase.open(path: path)
        #expect(try file.read { db in try Schema.migrator.hasCompletedMigrations(db) })
        #expect(try file.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM account") } == 1)
    }

    @Test("SQLite failures are reported with SQLite's code, its name and its message, never a bare number")
    func causeNamed() throws {
        let error = DatabaseError(resultCode: .SQLITE_ERROR, message: "table account already exists")
        #expect(
            AppDatabase.translate(error, path: "/x.sqlite")
                == .inaccessible(
                    path: "/x.sqlite", reason: "SQLite error 1 (SQL logic error): table account already exists"))
        let h = try StoreHarness()
        let translated = AppDatabase.failure(
            DatabaseError(
                resultCode: .SQLITE_CONSTRAINT_NOTNULL, message: "NOT NULL constraint failed: event.eventName"),
            path: h.store.database.path)
        #expect(
            translated as? IAMError
                == .serviceFailure(
                    "The simulator's database failed (SQLite error 1299 (constraint failed): NOT NULL constraint failed: event.eventName)."
                ))
        #expect(
            AppDatabase.cause(of: DatabaseError(resultCode: .SQLITE_IOERR_READ)) == "SQLite error 266 (disk I/O error)")
    }
}
