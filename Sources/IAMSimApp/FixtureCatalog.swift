import Foundation
import IAMSimCore

/// Where fixtures come from: the built-in lesson by name, or a fixture file.
public enum FixtureCatalog {
    /// The built-in fixture `nameOrPath` names, else the fixture file at that path.
    ///
    /// - Throws: `LocalError.file` when there is no such built-in fixture or readable file,
    ///   or the file is not a valid fixture (every problem with its JSON path).
    public static func load(_ nameOrPath: String) throws(LocalError) -> Fixture {
        if nameOrPath == Fixture.defaultName { return try Fixture.builtInDefault() }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw .file(
                path: nameOrPath,
                reason: "there is no built-in fixture or file by that name (built-in fixtures: \(Fixture.defaultName))")
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            throw .file(path: nameOrPath, reason: "the file cannot be read")
        }
        return try Fixture.load(data, source: nameOrPath)
    }
}
