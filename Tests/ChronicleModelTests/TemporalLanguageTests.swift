@testable import ChronicleModel
import XCTest

/// Rules written for news English in general rather than for the seeds,
/// each on sentences of its own, with the sentences they must leave alone.
final class TemporalLanguageTests: XCTestCase {
    func find(_ text: String, published: String) throws -> [TemporalExpression] {
        try TemporalFinder(published: DatedValue(date: PartialDate(parsing: published))).find(in: text)
    }

    /// The marked words and their values ("" for none), in order.
    func values(_ text: String, published: String = "2025-05-02") throws -> [String] {
        try find(text, published: published).map { "\($0.text)=\($0.value?.edtf ?? "")" }
    }

    // MARK: Parts of a month, a week or a year

    func testTheEdgesOfAMonthAreTheMonth() throws {
        // EDTF has no part of a month: "the end of May" is May.
        XCTAssertEqual(try values("Talks collapsed at the end of May.", published: "2025-07-10"), ["the end of May=2025-05"])
        XCTAssertEqual(try values("By the start of June 2024 it was over; at the beginning of March 2023 it began."),
                       ["the start of June 2024=2024-06", "the beginning of March 2023=2023-03"])
        XCTAssertEqual(try values("It ran to the end of the war, the end of an era, the start of May's term."), [])
    }

    func testTheEdgesOfTheArticlesMonthWeekAndYear() throws {
        XCTAssertEqual(try values("The backlog will be cleared by the end of the month, and a plan set by the end of the year."),
                       ["the end of the month=2025-05", "the end of the year=2025-39"])
        XCTAssertEqual(try values("Elections come at the start of next year; the middle of last year was calm; the end of the week."),
                       ["the start of next year=2026-37", "the middle of last year=2024-38", "the end of the week=2025-04-28/2025-05-04"])
        XCTAssertEqual(try values("At the end of the talks, the end of the years."), [])
    }

    func testLaterInTheYearIsTheParagraphsYearElseTheArticles() throws {
        XCTAssertEqual(try values("Elections are due later in the year."), ["later in the year=2025"])
        XCTAssertEqual(try values("A vote came earlier in the month."), ["earlier in the month=2025-05"])
        let counted = try find("In 2010 he left the party. Later in the year he returned.", published: "2025-05-02")
        XCTAssertEqual(counted.map { "\($0.text)=\($0.value?.edtf ?? "")" }, ["2010=2010", "Later in the year=2010"])
        XCTAssertEqual(counted.last?.resolution, "“Later in the year”: the year of “2010” before it in the paragraph")
        XCTAssertEqual(try values("He came later in the years that followed the war."), ["the years that followed="])
    }

    // MARK: Numbers that count and numbers that date

    func testAPluralNounAfterANumberCountsIt() throws {
        for text in ["Some 2000 demonstrators gathered.", "A crowd of 2000 demonstrators gathered.", "He won by 1990 ballots.",
                     "Around 2010 families fled.", "It sold for 1500."] {
            XCTAssertEqual(try values(text), [], text)
        }
        // A determiner, a name or a time word before it makes it a year.
        XCTAssertEqual(try values("In 2019 protests erupted; the 2024 elections; Russia's 2024 elections; since 2015 attacks fell."),
                       ["2019=2019", "2024=2024", "2024=2024", "2015=2015/.."])
        XCTAssertEqual(try values("They recalled the 2015 attacks."), ["2015=2015"])
    }

    func testASeasonWrittenWithASlashIsItsYears() throws {
        XCTAssertEqual(try values("In the 2022/23 season, and 2019/2020."), ["2022/23=2022/2023", "2019/2020=2019/2020"])
        XCTAssertEqual(try values("Open 24/7; a 2025/05 ratio; 2023/2019."), [])
    }

    func testARateIsNotALength() throws {
        XCTAssertEqual(try values("Households use 120 litres a day; it cost 150 million euros a week; they meet twice a year."), [])
        XCTAssertEqual(try values("The port closed for a day."), ["a day="])
    }

    // MARK: Lengths of time

    func testMinutesAndHoursAreLengthsWithoutADate() throws {
        let found = try find("The meeting lasted 47 minutes; supplies are cut for six hours.", published: "2025-05-02")
        XCTAssertEqual(found.map(\.text), ["47 minutes", "six hours"])
        XCTAssertEqual(found.map(\.duration), ["PT47M", "PT6H"])
        XCTAssertTrue(found.allSatisfy { $0.kind == .duration && $0.value == nil })
        // Hours before the article give no day; the past day does.
        XCTAssertEqual(try values("Three hours ago the blast came; in the past 24 hours, five died."),
                       ["Three hours ago=", "the past 24 hours=2025-05-01/2025-05-02"])
        XCTAssertEqual(try values("A 40-minute speech."), ["40-minute="])
    }

    func testSetsAreNotDates() throws {
        XCTAssertEqual(try values("Elections are held every two years, each March and every Friday."), [])
        XCTAssertEqual(try values("Each side met in March."), ["March=2025-03"])
    }

    func testAPluralUnitBeforeOfOrBeforeIsALength() throws {
        let found = try find("After decades of conflict, and weeks before the vote, talks began.", published: "2025-05-02")
        XCTAssertEqual(found.map(\.text), ["decades", "weeks"])
        XCTAssertEqual(found.map(\.duration), ["PXY", "PXW"])
        XCTAssertEqual(try values("Days are long. They counted the years."), [])
    }

    func testNextDecadeAndInFuture() throws {
        XCTAssertEqual(try values("Emissions must halve over the next decade; in future, plants will close."),
                       ["the next decade=2025/2035", "future="])
        XCTAssertEqual(try values("The next decades matter; the next decade's plans; future projects."),
                       ["The next decades=2025/", "the next decade=2025/2035", "future="])
        XCTAssertEqual(try values("In 1990 he left; the next day he returned."), ["1990=1990", "the next day="])
    }

    func testALengthAfterForIsPlacedOnlyByADateBeforeIt() throws {
        // The date after it belongs to another clause.
        XCTAssertEqual(try values("Talks ran for four months, and a vote is due next week."),
                       ["four months=", "next week=2025-05-05/2025-05-11"])
        XCTAssertEqual(try values("In March, gunmen attacked, the deadliest attack for two decades.", published: "2024-07-04"),
                       ["March=2024-03", "two decades=2004/2024-03"])
    }

    func testALengthBeforeTheEventItEndsAfter() throws {
        // "after a 12-day strike" on Tuesday: the strike ends then; a term "from 2005" starts then.
        XCTAssertEqual(try values("Workers returned on Tuesday after a 12-day strike.", published: "2024-10-08"),
                       ["Tuesday=2024-10-08", "12-day=2024-09-26/2024-10-08"])
        XCTAssertEqual(try values("He began a 10-year term in 2005."), ["10-year=2005/2015", "2005=2005"])
    }

    func testCountingOnFromTheParagraphsDate() throws {
        XCTAssertEqual(try values("On 17 April 2025 the court ruled. He had spoken the day before."),
                       ["17 April 2025=2025-04-17", "the day before=2025-04-16"])
        XCTAssertEqual(try values("On 17 April 2025 the court ruled, the day before the vote."), ["17 April 2025=2025-04-17"])
        let following = try find("In 2010 he left; for the following three years he wrote.", published: "2025-05-02")
        XCTAssertEqual(following.map { "\($0.text)=\($0.value?.edtf ?? "")" }, ["2010=2010", "the following three years=2011/"])
    }

    // MARK: Which way the sentence looks

    func testADayOfAMonthFollowsTheTense() throws {
        // The nearest 10 May to 2 May 2025 is 8 days on; said of the past it is the year before's.
        XCTAssertEqual(try values("He was arrested on May 10."), ["May 10=2024-05-10"])
        XCTAssertEqual(try values("The ministers will meet on April 28."), ["April 28=2026-04-28"])
        XCTAssertEqual(try values("May 10 remains a holiday."), ["May 10=2025-05-10"])
    }

    func testAReportingVerbDoesNotSetTheTimesTense() throws {
        XCTAssertEqual(try values("The talks will resume, diplomats said, possibly in September."), ["September=2025-09"])
        XCTAssertEqual(try values("Diplomats said talks were held in September."), ["September=2024-09"])
    }

    func testASeasonToComeMayBeTheOneUnderWay() throws {
        XCTAssertEqual(try values("The team will work through the summer.", published: "2025-07-17"), ["the summer=2025-22"])
        XCTAssertEqual(try values("The team will rest in the winter.", published: "2025-07-17"), ["the winter=2025-24"])
        XCTAssertEqual(try values("The team will rest next summer.", published: "2025-07-17"), ["next summer=2026-22"])
        XCTAssertEqual(try values("Work will stop until the spring, and resume after the summer.", published: "2025-07-17"),
                       ["the spring=2026-21", "the summer=2025-22"])
        XCTAssertEqual(try values("It came before the fall of Kabul."), [])
    }

    func testMonthsJoinedToAMonthAndMonthsForWhichSomethingIsPlanned() throws {
        XCTAssertEqual(try values("Fighting raged from March to May, and in April and June.", published: "2025-07-10"),
                       ["March=2025-03", "May=2025-05", "April=2025-04", "June=2025-06"])
        XCTAssertEqual(try values("A launch planned for November was delayed.", published: "2025-07-17"), ["November=2025-11"])
        XCTAssertEqual(try values("Tom and June left; he voted for April Ryan; they may and might."), [])
    }
}
