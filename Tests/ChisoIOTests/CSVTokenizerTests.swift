import ChisoCore
@testable import ChisoIO
import Testing

struct CSVTokenizerTests {
    func records(_ text: String, separator: UInt8 = 0x2C) throws -> [CSVRecord] {
        try CSVTokenizer.records(Array(text.utf8)[...], separator: separator, file: "t.csv").records
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let parsed = try records("a,b,c\n\"Hà Nội, thủ đô\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,,z\n")
        #expect(parsed.map(\.fields) == [["a", "b", "c"], ["Hà Nội, thủ đô", "say \"hi\"", "two\nlines"], ["x", "", "z"]])
        // The third record starts on line 4: the quoted line break belongs to record 2.
        #expect(parsed.map(\.line) == [1, 2, 4])
    }

    @Test func crlfAndBareCRLineEndsAndNoFinalNewline() throws {
        #expect(try records("a,b\r\n1,2\r\n3,4").map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try records("a,b\r1,2\r").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyLinesAreSkippedAndCounted() throws {
        let result = try CSVTokenizer.records(Array("a\n\n1\n\n".utf8)[...], separator: 0x2C, file: "t.csv")
        #expect(result.records.map(\.fields) == [["a"], ["1"]])
        #expect(result.blankLines == 2)
        #expect(result.records.map(\.line) == [1, 3])
    }

    @Test func detectsTheSeparatorOutsideQuotes() {
        #expect(CSVTokenizer.detectSeparator(Array("unit;\"a,b,c\";value\n".utf8)[...]) == 0x3B)
        #expect(CSVTokenizer.detectSeparator(Array("unit\tperiod\tvalue\n".utf8)[...]) == 0x09)
        #expect(CSVTokenizer.detectSeparator(Array("unit,period\n".utf8)[...]) == 0x2C)
        #expect(CSVTokenizer.detectSeparator(Array("value\n1;2\n".utf8)[...]) == 0x2C)
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() {
        #expect(throws: DataError.unterminatedQuote(at: SourceLocation(file: "t.csv", line: 2, column: 2))) {
            try records("a,b\n1,\"open\n2,3\n")
        }
    }

    @Test func strayQuotesAreRefused() {
        #expect(throws: DataError.strayQuote(at: SourceLocation(file: "t.csv", line: 2, column: 1))) {
            try records("a,b\nab\"c,1\n")
        }
        #expect(throws: DataError.strayQuote(at: SourceLocation(file: "t.csv", line: 2, column: 1))) {
            try records("a,b\n\"ab\"c,1\n")
        }
    }
}
