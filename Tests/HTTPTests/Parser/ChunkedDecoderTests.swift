@testable import HTTP
import Testing

@Suite("ChunkedDecoder (no I/O)")
struct ChunkedDecoderTests {
    /// Decodes `text` split at `split` (two deliveries), returning the body and the final result.
    private func decode(_ text: String, split: Int? = nil, limit: Int = 1 << 20) -> ([UInt8], ChunkedDecoder.Result, Int) {
        let bytes = Array(text.utf8)
        var decoder = ChunkedDecoder()
        var body: [UInt8] = []
        var pending: [UInt8] = []
        var consumedTotal = 0
        var result = ChunkedDecoder.Result.needMore
        let cut = min(split ?? bytes.count, bytes.count)
        for piece in [bytes[0..<cut], bytes[cut...]] {
            pending += piece
            let (consumed, outcome) = pending.withUnsafeBufferPointer { decoder.decode($0, into: &body, limit: limit) }
            pending.removeFirst(consumed)
            consumedTotal += consumed
            result = outcome
            if outcome != .needMore { break }
        }
        return (body, result, consumedTotal)
    }

    @Test func decodesChunksAtEverySplitPoint() {
        let text = "4\r\nWiki\r\n6;note=\"a b\"\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n"
        for split in 0...text.utf8.count {
            let (body, result, consumed) = decode(text, split: split)
            #expect(result == .done, "split \(split)")
            #expect(String(decoding: body, as: UTF8.self) == "Wikipedia in \r\n\r\nchunks.", "split \(split)")
            #expect(consumed == text.utf8.count)
        }
    }

    @Test func stopsAtTheEndOfTheBodyLeavingPipelinedBytes() {
        let (_, result, consumed) = decode("1\r\na\r\n0\r\n\r\nGET / HTTP/1.1\r\n")
        #expect(result == .done)
        #expect(consumed == "1\r\na\r\n0\r\n\r\n".utf8.count)
    }

    @Test(arguments: [
        ("g\r\n", HTTPParseError.Code.invalidChunkSize),
        ("\r\n", .invalidChunkSize),
        (" 1\r\na\r\n", .invalidChunkSize),
        ("1 \r\na\r\n", .invalidChunkSize),
        ("-1\r\n", .invalidChunkSize),
        ("11111111111111111\r\n", .invalidChunkSize),
        ("1\na\r\n", .missingChunkLineEnd),
        ("1\r\nab\r\n", .missingChunkLineEnd),
        ("1\r\na\n", .missingChunkLineEnd),
        ("1;\r\na\r\n", .invalidChunkExtension),
        ("1; a\r\na\r\n", .invalidChunkExtension),
        ("1;a=\"x\r\na\r\n", .invalidChunkExtension),
        ("1;a=b c\r\na\r\n", .invalidChunkExtension),
        ("0\r\nBad Name: x\r\n\r\n", .invalidTrailer),
        ("0\r\nA: x\u{1}\r\n\r\n", .invalidTrailer),
        ("0\r\n x\r\n\r\n", .invalidTrailer),
    ])
    func rejectsMalformedChunking(_ text: String, _ code: HTTPParseError.Code) {
        #expect(decode(text).1 == .failed(HTTPParseError(code)))
    }

    @Test func refusesAChunkThatWouldPassTheLimit() {
        #expect(decode("4\r\nabcd\r\n4\r\nefgh\r\n0\r\n\r\n", limit: 6).1 == .failed(HTTPParseError(.bodyTooLarge)))
        #expect(decode("4\r\nabcd\r\n2\r\nef\r\n0\r\n\r\n", limit: 6).1 == .done)
    }
}
