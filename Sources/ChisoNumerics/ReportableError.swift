/// An error caused by the user's data or request, whose description is a complete message
/// for the user: what is wrong, where (file:line:column, unit, indicator, period), and what to do.
///
/// The command line prints it as one line on stderr and exits with status 1.
public protocol ReportableError: Error, CustomStringConvertible {}
