import ChisoCore
import Foundation

/// A chart as DrawingML (`c:chartSpace`), the part Word draws natively and lets users edit:
/// bars or lines over categories, one or more series, each carrying its values.
public struct OfficeChart: Sendable {
    public enum Kind: Sendable { case bars, lines }

    public struct Series: Sendable {
        public let name: String
        /// One value per category; NaN leaves a gap.
        public let values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public let kind: Kind
    public let title: String
    public let categories: [String]
    public let series: [Series]
    public let valueTitle: String?

    public init(kind: Kind, title: String, categories: [String], series: [Series], valueTitle: String? = nil) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
        self.valueTitle = valueTitle
    }

    static let colors = ["2F5597", "C55A11", "548235", "7F7F7F", "BF9000"]

    /// The chart part's XML.
    public var xml: String {
        let categoryPoints = categories.enumerated().map { #"<c:pt idx="\#($0.offset)"><c:v>\#(xmlEscaped($0.element))</c:v></c:pt>"# }.joined()
        let categoryXML = "<c:cat><c:strLit><c:ptCount val=\"\(categories.count)\"/>\(categoryPoints)</c:strLit></c:cat>"
        var seriesXML = ""
        for (index, series) in series.enumerated() {
            let points = series.values.enumerated().filter { $0.element.isFinite }
                .map { #"<c:pt idx="\#($0.offset)"><c:v>\#(DecimalText.shortest($0.element))</c:v></c:pt>"# }.joined()
            let values = "<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"\(series.values.count)\"/>\(points)</c:numLit></c:val>"
            let color = Self.colors[index % Self.colors.count]
            let shape = kind == .bars
                ? "<c:spPr><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill></c:spPr>"
                : "<c:spPr><a:ln w=\"28575\"><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size val=\"5\"/></c:marker>"
            let labels = series.values.count <= 25 && kind == .bars
                ? "<c:dLbls><c:spPr><a:noFill/></c:spPr><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
                : ""
            seriesXML += "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/><c:tx><c:v>\(xmlEscaped(series.name))</c:v></c:tx>\(shape)\(labels)\(categoryXML)\(values)"
                + (kind == .lines ? "<c:smooth val=\"0\"/>" : "") + "</c:ser>"
        }
        let plot = kind == .bars
            ? "<c:barChart><c:barDir val=\"\(categories.count > 12 ? "bar" : "col")\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>\(seriesXML)<c:gapWidth val=\"60\"/><c:axId val=\"101\"/><c:axId val=\"102\"/></c:barChart>"
            : "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>\(seriesXML)<c:marker val=\"1\"/><c:axId val=\"101\"/><c:axId val=\"102\"/></c:lineChart>"
        let reversed = kind == .bars && categories.count > 12 ? "maxMin" : "minMax"
        let valueAxisTitle = valueTitle.map {
            "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>\(xmlEscaped($0))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
        } ?? ""
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/>\
        <c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:t>\(xmlEscaped(title))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>\
        <c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>\(plot)\
        <c:catAx><c:axId val="101"/><c:scaling><c:orientation val="\(reversed)"/></c:scaling><c:delete val="0"/><c:axPos val="\(kind == .bars && categories.count > 12 ? "l" : "b")"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="102"/><c:crosses val="autoZero"/></c:catAx>\
        <c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="\(kind == .bars && categories.count > 12 ? "b" : "l")"/><c:majorGridlines/>\(valueAxisTitle)<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="101"/><c:crosses val="autoZero"/></c:valAx>\
        </c:plotArea>\(series.count > 1 ? "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>" : "")<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>
        """
    }
}
