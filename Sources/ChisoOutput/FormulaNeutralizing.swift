/// Text that a spreadsheet would take for a formula, made inert.
///
/// A cell of a CSV or Markdown file that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return becomes a live formula when the file is opened in Excel or LibreOffice
/// (`=HYPERLINK("http://evil","click")`). Following OWASP's advice on CSV injection, such a text
/// cell is written with a leading apostrophe, which spreadsheets show as plain text. Numbers are
/// numeric cells and are never changed; `.xlsx` output needs nothing, as it writes text as text.
enum FormulaNeutralizing {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text`, with a leading apostrophe when it would start a formula.
    static func inert(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) else { return text }
        return "'" + text
    }
}
