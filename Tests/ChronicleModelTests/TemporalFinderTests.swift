@testable import ChronicleModel
import XCTest

/// Each rule of the date finder on sentences of its own, as news writes
/// them, against an article date: what it marks (the extent), the value
/// and how it says it was resolved.
final class TemporalFinderTests: XCTestCase {
    func find(_ text: String, published: String = "2025-05-02", inferred: Bool = false) throws -> [TemporalExpression] {
        try TemporalFinder(published: DatedValue(date: PartialDate(parsing: published), inferred: inferred)).find(in: text)
    }

    /// The marked words and their values ("" for none), in order.
    func values(_ text: String, published: String = "2025-05-02") throws -> [String] {
        try find(text, published: published).map { "\($0.text)=\($0.value?.edtf ?? "")" }
    }

    func one(_ text: String, published: String = "2025-05-02", inferred: Bool = false,
             file: StaticString = #filePath, line: UInt = #line) throws -> TemporalExpression {
        let found = try find(text, published: published, inferred: inferred)
        XCTAssertEqual(found.count, 1, "\(text): \(found.map(\.text))", file: file, line: line)
        return try XCTUnwrap(found.first, file: file, line: line)
    }

    // MARK: Printed dates

    func testDaysInWordsAndFigures() throws {
        XCTAssertEqual(try values("The talks were held on 17 April 2025 in Doha."), ["17 April 2025=2025-04-17"])
        XCTAssertEqual(try values("It was printed May 02, 2025, and Sept. 5, 2024."), ["May 02, 2025=2025-05-02", "Sept. 5, 2024=2024-09-05"])
        XCTAssertEqual(try values("They resumed on Monday, April 21, 2025, and on the 3rd of March 2024."),
                       ["Monday, April 21, 2025=2025-04-21", "the 3rd of March 2024=2024-03-03"])
        XCTAssertEqual(try values("Filed 2025-05-02; dated 02.05.2025; and 13/04/2025 or 04/13/2025."),
                       ["2025-05-02=2025-05-02", "02.05.2025=2025-05-02", "13/04/2025=2025-04-13", "04/13/2025=2025-04-13"])
        let printed = try one("The talks were held on 17 April 2025.")
        XCTAssertEqual([printed.kind, printed.basis] as [AnyHashable], [TemporalExpression.Kind.date, TemporalExpression.Basis.printed])
        XCTAssertEqual(printed.resolution, "“17 April 2025” as printed")
        XCTAssertFalse(printed.isWorkedOut)
    }

    func testADayThatCannotBeToldOrDoesNotExistIsUnresolved() throws {
        let ambiguous = try one("Officials met on 04/05/2025.")
        XCTAssertNil(ambiguous.value)
        XCTAssertTrue(ambiguous.isUnresolved)
        XCTAssertEqual(ambiguous.resolution, "“04/05/2025” cannot be resolved: “04/05/2025” could be day first or month first; the words do not say which")
        let impossible = try one("It was signed on 31 April 2025.")
        XCTAssertNil(impossible.value)
        XCTAssertTrue(impossible.resolution.contains("April 2025 has no day 31"), impossible.resolution)
        XCTAssertEqual(try one("A leap day: February 29, 2024.").value?.edtf, "2024-02-29")
        XCTAssertNil(try one("No leap day: February 29, 2023.").value)
    }

    func testMonthsPartsOfYearsDecadesAndCenturies() throws {
        XCTAssertEqual(try values("The March 2024 attack, in March of 2023, and early March 2022."),
                       ["March 2024=2024-03", "March of 2023=2023-03", "early March 2022=2022-03"])
        XCTAssertEqual(try values("It began in mid-2021, stalled in early 2024 and ended in late 2024."),
                       ["mid-2021=2021-38", "early 2024=2024-37", "late 2024=2024-39"])
        XCTAssertEqual(try values("By the end of 2023, in the first quarter of 2024, in Q3 2024 and the second half of 2024."),
                       ["the end of 2023=2023-39", "the first quarter of 2024=2024-33", "Q3 2024=2024-35", "the second half of 2024=2024-41"])
        XCTAssertEqual(try values("Fighting flared in the summer of 2023, spring 2024 and the fall of 2022."),
                       ["the summer of 2023=2023-22", "spring 2024=2024-21", "the fall of 2022=2022-23"])
        // "the" is the time's when it heads it, the noun's when the decade premodifies one.
        XCTAssertEqual(try values("In the 1980s, and by the 1990s it had spread; the 1970s war; the early 2000s; the '60s."),
                       ["the 1980s=198X", "the 1990s=199X", "1970s=197X", "the early 2000s=200X", "the '60s=196X"])
        XCTAssertEqual(try values("The 1900s and the 19th century, the twentieth century."),
                       ["The 1900s=19XX", "the 19th century=1801/1900", "the twentieth century=1901/2000"])
    }

    func testYearsAndNumbersThatAreNot() throws {
        XCTAssertEqual(try values("Russia designated the Taliban in 2003. The 2024 forum opened."), ["2003=2003", "2024=2024"])
        XCTAssertEqual(try values("It was built in 1848, and by 1201 it stood; in 300 BC and AD 800."),
                       ["1848=1848", "1201=1201", "300 BC=-0299", "AD 800=0800"])
        XCTAssertEqual(try values("It was banned 2001-2021, rebuilt 1979–89, the 2024-25 season."),
                       ["2001-2021=2001/2021", "1979–89=1979/1989", "2024-25=2024/2025"])
        // Counts, money, shares and numbers that name things are not years.
        for text in ["Some 2000 troops were sent.", "Prices rose 2,003 percent, or 12.5 times.", "It cost $2024.",
                     "He cited Resolution 2231 and Flight 2024.", "A score of 1500 points.", "Nearly 2,000 people attended."] {
            XCTAssertEqual(try values(text), [], text)
        }
        // Outside 1900–2099 a year needs a time word before it.
        XCTAssertEqual(try values("He counted 1200 and 2500 of them."), [])
    }

    // MARK: From the article's date

    func testDayWordsAndUnitsCountFromTheArticle() throws {
        XCTAssertEqual(try values("She said yesterday that today and tomorrow morning matter; last night too."),
                       ["yesterday=2025-05-01", "today=2025-05-02", "tomorrow morning=2025-05-03", "last night=2025-05-01"])
        XCTAssertEqual(try values("Trade grew last month, slowed this year, and will grow next year; last year it fell."),
                       ["last month=2025-04", "this year=2025", "next year=2026", "last year=2024"])
        XCTAssertEqual(try values("Earlier this year the envoy resigned; later this month a new one; early next year, elections; late last year, a vote."),
                       ["Earlier this year=2025", "later this month=2025-05", "early next year=2026-37", "late last year=2024-39"])
        XCTAssertEqual(try values("The vote is next week; they met last week."),
                       ["next week=2025-05-05/2025-05-11", "last week=2025-04-21/2025-04-27"])
        let lastMonth = try one("Russia, last month, removed the group.")
        XCTAssertEqual(lastMonth.resolution, "“last month” in an article of 2 May 2025")
        XCTAssertEqual([lastMonth.kind, lastMonth.basis] as [AnyHashable], [TemporalExpression.Kind.relative, TemporalExpression.Basis.articleDate])
        XCTAssertTrue(lastMonth.isWorkedOut)
        XCTAssertFalse(lastMonth.inferred, "the article's date is printed")
    }

    func testWeekdays() throws {
        // 2 May 2025 was a Friday: "on Friday" is that day, the Friday on or before it.
        let friday = try one("Kabulov told RIA on Friday that Russia would help.")
        XCTAssertEqual(friday.value?.edtf, "2025-05-02")
        XCTAssertEqual(friday.resolution, "“Friday” in an article of Friday 2 May 2025: the Friday on or before it")
        XCTAssertEqual(try values("He spoke on Tuesday and Sunday; last Friday; next Friday; last Wednesday; this Monday."),
                       ["Tuesday=2025-04-29", "Sunday=2025-04-27", "last Friday=2025-04-25", "next Friday=2025-05-09",
                        "last Wednesday=2025-04-30", "this Monday=2025-04-28"])
        // Said of what is to come: the one on or after the article's date.
        XCTAssertEqual(try values("The minister will visit on Monday."), ["Monday=2025-05-05"])
        XCTAssertEqual(try values("On Saturday morning the talks resume, officials said."), ["Saturday morning=2025-04-26"])
        // A holiday is not a weekday to count.
        XCTAssertEqual(try values("Good Friday passed quietly."), [])
    }

    func testMonthsByName() throws {
        XCTAssertEqual(try values("Lawmakers voted in December; in May, the rebels advanced; in April they met."),
                       ["December=2024-12", "May=2025-05", "April=2025-04"])
        XCTAssertEqual(try one("Lawmakers voted in December.").resolution, "“December” in an article of 2 May 2025: the latest December before it")
        // Newspaper usage: "last March" in May is the March of the year before.
        XCTAssertEqual(try values("The hall was attacked last March; next March it reopens; this March it was closed."),
                       ["last March=2024-03", "next March=2026-03", "this March=2025-03"])
        XCTAssertEqual(try values("The summit will be held in September."), ["September=2025-09"])
        XCTAssertEqual(try values("The March attack was claimed."), ["March=2025-03"])
        // "May" the verb, "April" the name, and a month after no time word are not dates.
        XCTAssertEqual(try values("May I ask? Officials may meet. In April Ryan's show he spoke. March forward, they said."), [])
    }

    func testSeasonsAgoAndSpans() throws {
        XCTAssertEqual(try values("Last summer they left; this spring they returned; next winter they go; in the winter it snowed."),
                       ["Last summer=2024-22", "this spring=2025-21", "next winter=2025-24", "the winter=2024-24"])
        XCTAssertEqual(try values("Two years ago the border closed; three months ago talks stalled; 10 days ago they resumed."),
                       ["Two years ago=2023", "three months ago=2025-02", "10 days ago=2025-04-22"])
        XCTAssertEqual(try values("A week ago, and about a decade ago, and years ago."),
                       ["A week ago=2025-04-25~", "about a decade ago=2015~", "years ago="])
        XCTAssertEqual(try values("Over the past two years trade doubled; in the coming months talks resume; the next two years matter."),
                       ["the past two years=2023/2025", "the coming months=2025-05/", "the next two years=2025/2027"])
    }

    // MARK: From another date of the paragraph

    func testExpressionsCountedFromAnEarlierDateOfTheParagraph() throws {
        let followed = try find("ISIS-K claimed the March 2024 attack. In the months that followed, Putin called the Taliban allies.")
        XCTAssertEqual(followed.map(\.text), ["March 2024", "the months that followed"])
        XCTAssertEqual(followed[1].value?.edtf, "2024-04/")
        XCTAssertEqual(followed[1].basis, .context)
        XCTAssertEqual(followed[1].duration, "PXM")
        XCTAssertEqual(followed[1].resolution, "“the months that followed” counted from “March 2024” before it in the paragraph")
        XCTAssertEqual(try values("In 2010 he left. The following year he returned, and two years later he died; that year, too."),
                       ["2010=2010", "The following year=2011", "two years later=2013", "that year=2013"])
        XCTAssertEqual(try values("On 17 April 2025 the court ruled. The next day the envoy spoke; a week later, the ban lapsed."),
                       ["17 April 2025=2025-04-17", "The next day=2025-04-18", "a week later=2025-04-25"])
        // No earlier date, or one too coarse: said, not guessed.
        let alone = try one("The following year, he returned.")
        XCTAssertNil(alone.value)
        XCTAssertEqual(alone.resolution, "“The following year” cannot be resolved: no earlier date in its paragraph to count from")
        let coarse = try find("In 2010 he left. The next day he came back.")
        XCTAssertNil(coarse[1].value)
        XCTAssertEqual(coarse[1].resolution, "“The next day” cannot be resolved: “2010” before it gives no day to count from")
        // Each line is a paragraph: a date of another does not count.
        XCTAssertNil(try find("In 2010 he left.\nThe following year he returned.")[1].value)
    }

    // MARK: Durations and anchors

    func testDurationsPlacedByADateOfTheirSentence() throws {
        let war = try find("The Taliban returned to power in August 2021 as US-led forces withdrew after 20 years of war.")
        XCTAssertEqual(war.map(\.text), ["August 2021", "20 years"])
        XCTAssertEqual([war[1].kind.rawValue, war[1].value?.edtf, war[1].duration], ["duration", "2001/2021-08", "P20Y"])
        XCTAssertEqual(war[1].resolution, "“20 years” ending at “August 2021” in its sentence")
        XCTAssertEqual(try values("After nearly two decades of fighting, the Taliban reclaimed power in August 2021."),
                       ["nearly two decades=2001~/2021-08", "August 2021=2021-08"])
        XCTAssertEqual(try values("In March, gunmen attacked a hall, the deadliest attack in Russia for almost two decades.", published: "2024-07-04"),
                       ["March=2024-03", "almost two decades=2004~/2024-03"])
        XCTAssertEqual(try values("The invasion in 1979 ended in withdrawal after a decade."), ["1979=1979", "a decade=1979/1989"])
        XCTAssertEqual(try values("In the 1980s, the Soviet Union waged a decade-long war."), ["the 1980s=198X", "decade-long=198X"])
        XCTAssertEqual(try values("He served a 10-year term from 2005."), ["10-year=2005/2015", "2005=2005"])
        // A date coarser than the duration's unit cannot place it.
        XCTAssertEqual(try values("Since 2003 he has ruled for 14 months."), ["2003=2003/..", "14 months="])
        // A length alone, an age, a number not given: no date.
        XCTAssertEqual(try values("For 14 months the siege went on. The 20-year-old was held. Moscow has for years fostered ties."),
                       ["14 months=", "20-year-old=", "years="])
        XCTAssertEqual(try one("Moscow has for years fostered ties.").duration, "PXY")
        XCTAssertEqual(try values("It happens twice a year."), [])
    }

    func testSinceADateIsAnAnchor() throws {
        let since = try one("It had been listed since 2003.")
        XCTAssertEqual([since.text, since.kind.rawValue, since.value?.edtf], ["2003", "anchor", "2003/.."])
        XCTAssertEqual(since.resolution, "“since 2003”: from 2003 on")
        XCTAssertEqual(try values("Ties grew since last month, and ever since early 2024."), ["last month=2025-04/..", "early 2024=2024-01/.."])
        // "since" before an event, not a date: the date is a date.
        let event = try one("Ties grew since their return to power in 2021.")
        XCTAssertEqual([event.kind.rawValue, event.value?.edtf], ["date", "2021"])
    }

    func testVagueWordsHaveNoValue() throws {
        let found = try find("No country currently recognises it, now or in recent years; the recent decision, the current government, future projects, in the near future, recently, soon.")
        XCTAssertEqual(found.map(\.text), ["currently", "now", "recent years", "recent", "current", "future", "the near future", "recently", "soon"])
        XCTAssertTrue(found.allSatisfy { $0.kind == .vague && $0.value == nil && !$0.statesDate }, "\(found.map(\.kind))")
        XCTAssertEqual(found[2].duration, "PXY")
        XCTAssertEqual(try values("As soon as they can, the former envoy, still ongoing."), [])
    }

    // MARK: What the article's date allows

    func testAnArticleKnownOnlyToItsYearResolvesOnlyWhatTheYearGives() throws {
        XCTAssertEqual(try values("Last year it fell; last month it rose; on Friday it closed; in December it opened.", published: "2025"),
                       ["Last year=2024", "last month=", "Friday=", "December="])
        let friday = try find("On Friday it closed.", published: "2025")
        XCTAssertEqual(friday.first?.resolution, "“Friday” cannot be resolved: the article's date (2025) gives no day to count from")
    }

    func testAnInferredArticleDateMakesWhatIsCountedFromItInferred() throws {
        let friday = try one("The ministry announced on Friday.", published: "2024-10-04", inferred: true)
        XCTAssertEqual(friday.value?.edtf, "2024-10-04")
        XCTAssertTrue(friday.inferred)
        XCTAssertEqual(friday.resolution, "“Friday” in an article of Friday 4 Oct 2024, a date itself inferred: the Friday on or before it")
        // A printed date is not inferred; a duration counted from a relative one is.
        let mixed = try find("Russia designated it in 2003. In March, an attack, the worst for almost two decades.", published: "2024-10-04", inferred: true)
        XCTAssertEqual(mixed.map(\.inferred), [false, true, true])
        // An approximate article date makes what is counted from it approximate.
        XCTAssertEqual(try values("Last month it rose.", published: "2025-05-02~"), ["Last month=2025-04~"])
    }

    // MARK: Offsets

    func testRangesAreUTF8BytesAndMarkupIsReadThroughOnTheRawFile() throws {
        let text = "Türkiye’s “envoy” met them on Friday — in Ankara."
        let found = try find(text)
        let bytes = Array(text.utf8)
        XCTAssertEqual(found.map { String(decoding: bytes[$0.range], as: UTF8.self) }, ["Friday"])
        let raw = "Report of 17 March 2024\nThe <u>court</u> ruled on <b>April</b> 17, said <i>officials</i> last month.\n"
        let source = Source(id: "s", file: "s.txt", outlet: "Outlet", title: nil, published: DatedValue(date: try PartialDate(parsing: "2025-05-02")),
                            raw: Array(raw.utf8), body: [2...2], furniture: [])
        let expressions = TemporalFinder.find(in: source)
        XCTAssertEqual(expressions.map(\.text), ["April 17", "last month"])
        XCTAssertEqual(expressions.map { source.rawText($0.range) }, ["April</b> 17", "last month"])
        XCTAssertEqual(expressions.first?.value?.edtf, "2025-04-17")
        XCTAssertEqual(TemporalFinder.find(in: source, within: expressions[1].range).map(\.text), ["last month"])
        // The headline is outside the body: its date is not read.
        XCTAssertFalse(TemporalFinder.find(in: source).contains { $0.range.lowerBound < 24 })
        XCTAssertEqual(TemporalFinder.find(in: source, lines: 1...1), [])
    }
}
