import CPNG

/// An 8-bit grayscale raster, one byte per pixel, rows top to bottom without padding.
struct GrayImage: Sendable, Equatable {
    let width: Int
    let height: Int
    let pixels: [UInt8]
}

/// Thin wrapper around libpng's *simplified* API (`png_image_*`).
///
/// The classic libpng API reports errors with `longjmp`, which Swift cannot use safely.
/// The simplified API catches those internally and reports failure through return values
/// and `png_image.message`, so all error handling here is plain Swift.
enum PNGCodec {
    // MARK: Constants

    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    // MARK: Writing

    /// Encodes an 8-bit grayscale raster as a PNG.
    static func encode(gray image: GrayImage) throws(QRCodeError) -> [UInt8] {
        try encode(
            samples: image.pixels, width: image.width, height: image.height,
            format: png_uint_32(PNG_FORMAT_GRAY))
    }

    /// Encodes raw samples in any simplified-API `format` (`PNG_FORMAT_*`).
    ///
    /// `Sample` must be `UInt8` for the sRGB formats and `UInt16` for the
    /// `PNG_FORMAT_FLAG_LINEAR` ones, which are written as 16-bit PNGs. Used by the
    /// library for grayscale output and by the tests to produce other PNG flavours.
    static func encode<Sample: FixedWidthInteger>(
        samples: [Sample], width: Int, height: Int, format: png_uint_32
    ) throws(QRCodeError) -> [UInt8] {
        let isLinear = format & png_uint_32(PNG_FORMAT_FLAG_LINEAR) != 0
        // Same arithmetic as the PNG_IMAGE_SAMPLE_CHANNELS macro, which Swift cannot import.
        let channels = Int(format & png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)) + 1
        guard width > 0, height > 0,
            width <= Int(Int32.max), height <= Int(Int32.max),
            MemoryLayout<Sample>.size == (isLinear ? 2 : 1),
            format & png_uint_32(PNG_FORMAT_FLAG_COLORMAP) == 0,
            samples.count == width * height * channels
        else {
            // libpng would read `width * height * channels` samples from the buffer; a
            // mismatch would be an out-of-bounds read, so it is rejected up front.
            throw .pngWriteFailed("pixel buffer does not match the image dimensions")
        }

        // First attempt with a generous guess (QR images compress extremely well); if
        // libpng reports it needs more, it tells us exactly how much and we retry once.
        let rawBytes = samples.count * MemoryLayout<Sample>.size
        var capacity = max(4096, rawBytes / 4)
        for _ in 0..<2 {
            var output = [UInt8](repeating: 0, count: capacity)
            var written = png_alloc_size_t(capacity)
            var image = makeImage(width: width, height: height, format: format)
            let ok = samples.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    png_image_write_to_memory(
                        &image, out.baseAddress, &written, 0,
                        input.baseAddress, 0, nil)
                }
            }
            // The write functions release their internal state themselves; calling
            // png_image_free again is documented as harmless and guards against leaks.
            png_image_free(&image)

            if ok != 0 {
                return Array(output.prefix(Int(written)))
            }
            guard Int(written) > capacity else {
                throw .pngWriteFailed(message(of: image))
            }
            capacity = Int(written)
        }
        throw .pngWriteFailed("output buffer size kept changing")
    }

    // MARK: Reading

    /// Decodes any PNG libpng understands (gray, RGB, RGBA, palette, 1 to 16 bits,
    /// interlaced) into 8-bit grayscale. Transparent pixels are composited on white,
    /// because a QR code printed on a transparent background is meant to be seen on
    /// a light page.
    ///
    /// - Parameter maximumDimension: Images wider or taller than this are refused after
    ///   reading only the header, before any pixel memory is allocated.
    static func decodeGray(_ bytes: [UInt8], maximumDimension: Int) throws(QRCodeError) -> GrayImage {
        guard !bytes.isEmpty else { throw .notAPNG("the data is empty") }
        guard bytes.starts(with: signature) else { throw .notAPNG("missing PNG signature") }

        // `png_image_begin_read_from_memory` keeps a pointer to the input until
        // `png_image_finish_read`, so the whole decode must happen inside this closure.
        let result: Result<GrayImage, QRCodeError> = bytes.withUnsafeBytes { input in
            var image = makeImage(width: 0, height: 0, format: 0)
            guard png_image_begin_read_from_memory(&image, input.baseAddress, input.count) != 0 else {
                // On failure libpng has already released its state.
                return .failure(.damagedPNG(message(of: image)))
            }

            let width = Int(image.width)
            let height = Int(image.height)
            guard width <= maximumDimension, height <= maximumDimension else {
                png_image_free(&image)
                return .failure(.imageTooLarge(width: width, height: height))
            }

            image.format = png_uint_32(PNG_FORMAT_GRAY)
            var pixels = [UInt8](repeating: 0, count: width * height)
            // For gray output libpng uses the green channel of the background colour.
            var white = png_color(red: 255, green: 255, blue: 255)
            let ok = pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, &white, out.baseAddress, 0, nil)
            }
            // finish_read frees on both success and failure; free again defensively.
            let failure = ok == 0 ? message(of: image) : nil
            png_image_free(&image)

            if let failure {
                return .failure(.damagedPNG(failure))
            }
            return .success(GrayImage(width: width, height: height, pixels: pixels))
        }
        return try result.get()
    }

    // MARK: Helpers

    /// A zeroed `png_image` with the version field set, as the simplified API requires.
    private static func makeImage(width: Int, height: Int, format: png_uint_32) -> png_image {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = format
        return image
    }

    /// libpng's error text from the fixed-size `message` field (a C `char[64]`).
    private static func message(of image: png_image) -> String {
        var copy = image.message
        let text = withUnsafeBytes(of: &copy) { raw -> String in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return text.isEmpty ? "unknown libpng error" : text
    }
}
