import Foundation

/// Values of a repeatable option whose occurrences may also be comma-separated
/// (`--unit "Hà Nội,Huế" --unit Cần Thơ`), trimmed, empty pieces dropped.
func splitList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
