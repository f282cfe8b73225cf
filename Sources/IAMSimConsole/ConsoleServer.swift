import Foundation
import Hummingbird
import IAMSimApp

/// A server of the console alone: the console under `configuration.basePath`, and `/`
/// leading there. For the browser test and for trying the console before `iamsim serve`
/// mounts it beside the Query API (which then owns `/` for API requests).
public enum ConsoleServer {
    /// The application serving `simulator`'s console on `host`:`port` (0: any free port,
    /// told to `onServerRunning`).
    public static func application(
        simulator: Simulator, configuration: ConsoleConfiguration, host: String, port: Int,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        addConsole(to: router, simulator: simulator, configuration: configuration)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
    }

    /// Mounts the console on `router` at `configuration.basePath`, and makes `GET /` lead there.
    public static func addConsole<Context: RequestContext>(
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
