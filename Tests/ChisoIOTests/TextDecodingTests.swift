import ChisoCore
@testable import ChisoIO
import Testing

struct TextDecodingTests {
    @Test func stripsTheUTF8ByteOrderMark() throws {
        let body = try TextDecoding.utf8Body(of: [0xEF, 0xBB, 0xBF] + Array("a,b".utf8), file: "f.csv")
        #expect(Array(body) == Array("a,b".utf8))
    }

    /// "Hà Nội" in Windows-1258: H, a + combining grave (0xCC), space, N, ô (0xF4) + combining dot below (0xF2), i.
    @Test func windows1258IsRefusedWithItsPosition() {
        let bytes = Array("unit,value\n".utf8) + [0x48, 0x61, 0xCC, 0x20, 0x4E, 0xF4, 0xF2, 0x69] + Array(",1\n".utf8)
        #expect(throws: DataError.notUTF8(at: SourceLocation(file: "f.csv", line: 2, column: 3), likelyEncoding: "Windows-1258 (CP1258)")) {
            try TextDecoding.utf8Body(of: bytes, file: "f.csv")
        }
    }

    /// "Hà Nội" in TCVN3 (ABC): à = 0xB5, é = 0xAB-range precomposed letters.
    @Test func tcvn3IsRefusedWithAHint() {
        let bytes = Array("unit\nH".utf8) + [0xB5, 0x20, 0x4E, 0xE9, 0x69] + Array("\n".utf8)
        #expect(throws: DataError.notUTF8(at: SourceLocation(file: "f.csv", line: 2, column: 2), likelyEncoding: "TCVN3 (ABC) or another 8-bit Vietnamese encoding")) {
            try TextDecoding.utf8Body(of: bytes, file: "f.csv")
        }
    }

    @Test func utf16IsRefused() {
        #expect(throws: DataError.utf16(file: "f.csv")) { try TextDecoding.utf8Body(of: [0xFF, 0xFE, 0x61, 0x00], file: "f.csv") }
    }

    @Test func overlongAndSurrogateSequencesAreInvalid() {
        #expect(TextDecoding.firstInvalidUTF8([0xC0, 0xAF][...]) == 0)
        #expect(TextDecoding.firstInvalidUTF8([0x61, 0xED, 0xA0, 0x80][...]) == 1)
        #expect(TextDecoding.firstInvalidUTF8(Array("Hà Tĩnh".utf8)[...]) == nil)
    }
}
