import CZBar
import Foundation

/// libzbar, opened only when an image is scanned.
///
/// zbar links X11, dbus, v4l and more; linking it into the executable made every iamsim
/// command pay for loading them at start-up (docs/performance.md). Only `authenticator scan`
/// needs it, so it is opened with `dlopen` on first use, and the header provides just types.
struct ZBarLibrary: @unchecked Sendable {
    typealias Create = @convention(c) () -> OpaquePointer?
    typealias Destroy = @convention(c) (OpaquePointer?) -> Void
    typealias SetConfig = @convention(c) (OpaquePointer?, zbar_symbol_type_t, zbar_config_t, Int32) -> Int32
    typealias SetFormat = @convention(c) (OpaquePointer?, UInt) -> Void
    typealias SetSize = @convention(c) (OpaquePointer?, UInt32, UInt32) -> Void
    typealias Cleanup = @convention(c) (OpaquePointer?) -> Void
    typealias SetData = @convention(c) (OpaquePointer?, UnsafeRawPointer?, UInt, Cleanup?) -> Void
    typealias Scan = @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
    typealias Symbol = @convention(c) (OpaquePointer?) -> OpaquePointer?
    typealias SymbolType = @convention(c) (OpaquePointer?) -> zbar_symbol_type_t
    typealias SymbolData = @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    typealias SymbolLength = @convention(c) (OpaquePointer?) -> UInt32

    let scannerCreate: Create
    let scannerDestroy: Destroy
    let scannerSetConfig: SetConfig
    let imageCreate: Create
    let imageDestroy: Destroy
    let imageSetFormat: SetFormat
    let imageSetSize: SetSize
    let imageSetData: SetData
    let scanImage: Scan
    let imageFirstSymbol: Symbol
    let symbolGetType: SymbolType
    let symbolGetData: SymbolData
    let symbolGetDataLength: SymbolLength
    let symbolNext: Symbol

    /// The library, loaded once; nil when libzbar is not installed.
    static let shared: ZBarLibrary? = load()

    private static func load() -> ZBarLibrary? {
        let names: [String] = ["libzbar.so.0", "libzbar.so", "libzbar.0.dylib", "libzbar.dylib"]
        guard let handle = names.lazy.compactMap({ name in dlopen(name, RTLD_NOW | RTLD_LOCAL) }).first
        else { return nil }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let scannerCreate = symbol("zbar_image_scanner_create", as: Create.self),
            let scannerDestroy = symbol("zbar_image_scanner_destroy", as: Destroy.self),
            let scannerSetConfig = symbol("zbar_image_scanner_set_config", as: SetConfig.self),
            let imageCreate = symbol("zbar_image_create", as: Create.self),
            let imageDestroy = symbol("zbar_image_destroy", as: Destroy.self),
            let imageSetFormat = symbol("zbar_image_set_format", as: SetFormat.self),
            let imageSetSize = symbol("zbar_image_set_size", as: SetSize.self),
            let imageSetData = symbol("zbar_image_set_data", as: SetData.self),
            let scanImage = symbol("zbar_scan_image", as: Scan.self),
            let imageFirstSymbol = symbol("zbar_image_first_symbol", as: Symbol.self),
            let symbolGetType = symbol("zbar_symbol_get_type", as: SymbolType.self),
            let symbolGetData = symbol("zbar_symbol_get_data", as: SymbolData.self),
            let symbolGetDataLength = symbol("zbar_symbol_get_data_length", as: SymbolLength.self),
            let symbolNext = symbol("zbar_symbol_next", as: Symbol.self)
        else { return nil }
        return ZBarLibrary(
            scannerCreate: scannerCreate, scannerDestroy: scannerDestroy, scannerSetConfig: scannerSetConfig,
            imageCreate: imageCreate, imageDestroy: imageDestroy, imageSetFormat: imageSetFormat,
            imageSetSize: imageSetSize, imageSetData: imageSetData, scanImage: scanImage,
            imageFirstSymbol: imageFirstSymbol, symbolGetType: symbolGetType, symbolGetData: symbolGetData,
            symbolGetDataLength: symbolGetDataLength, symbolNext: symbolNext)
    }
}
