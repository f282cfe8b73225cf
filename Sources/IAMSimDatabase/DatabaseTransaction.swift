import GRDB

/// A write transaction in progress, handed from one persistence module to another so that
/// they change the database together (an account reset with its trainee's devices), while the
/// module that composes them (the application layer) never touches GRDB.
public struct DatabaseTransaction {
    /// The connection, for the persistence modules.
    package let db: Database
}
