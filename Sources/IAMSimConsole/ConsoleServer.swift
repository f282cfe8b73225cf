import Foundation
import Hummingbird
import IAMSimApp

/// Mounting the console on a router of its own: the console under `configuration.basePath`,
/// and `/` leading there (the console's tests). `iamsim serve` mounts `ConsoleRoutes` beside
/// the Query API instead, which owns `/` for API requests (`QueryServer.application`).
public enum ConsoleServer {
    /// Mounts the console on `router` at `configuration.basePath`, and makes `GET /` lead there.
    public static func addConsole<Context: ClientAddressRequestContext>(
        to router: Router<Context>, simulator: Simulator, configuration: ConsoleConfiguration
    ) {
        let base = configuration.basePath
        ConsoleRoutes<Context>(simulator: simulator, configuration: configuration)
            .add(to: router.group(RouterPath(base)))
        router.get("/") { _, _ in
            Response(status: .seeOther, headers: [.location: base + "/"])
        }
    }
}
