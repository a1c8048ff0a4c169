using Workflow.Forms.Validation;

namespace Workflow.Forms.Tests;

/// <summary>Today, as a form reads it, is the validator's clock: JSON Logic's dates, the scripts' Date, relative bounds (calculated on the server, as calculateServer asks).</summary>
public class ClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly FormValidatorOptions FirstOfMarch = new() { Clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero)) };

    [Fact]
    public void Calculated_values_read_today_from_the_validators_clock()
    {
        var data = Forms.Validate("""
            [{"type":"textfield","key":"logic","input":true,"calculateServer":true,"calculateValue":{"getDate":[]}},
             {"type":"number","key":"now","input":true,"calculateServer":true,"calculateValue":{"_now":[]}},
             {"type":"textfield","key":"script","input":true,"calculateServer":true,"calculateValue":"value = new Date().toISOString();"},
             {"type":"number","key":"ms","input":true,"calculateServer":true,"calculateValue":"value = Date.now();"},
             {"type":"number","key":"days","input":true,"calculateServer":true,"calculateValue":"value = Math.round((new Date('2026-03-15T09:30:00Z') - new Date()) / 86400000);"}]
            """, "{}", FirstOfMarch).Data;

        data["logic"]!.GetValue<string>().ShouldBe("2026-03-01T09:30:00.000Z");
        data["script"]!.GetValue<string>().ShouldBe("2026-03-01T09:30:00.000Z");
        data["now"]!.GetValue<double>().ShouldBe(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        data["ms"]!.GetValue<double>().ShouldBe(data["now"]!.GetValue<double>());
        // Dates the script writes itself are still read as before: fourteen days from the clock's today.
        data["days"]!.GetValue<double>().ShouldBe(14);
    }

    [Theory]
    [InlineData("2026-03-20T10:00:00.000Z", "")]
    [InlineData("2026-04-20T10:00:00.000Z", "visit:json")]
    public void A_bound_relative_to_today_counts_from_the_validators_clock(string visit, string expected) =>
        Forms.Errors("""
            [{"type":"textfield","key":"visit","input":true,
              "validate":{"json":{"if":[{"<=":[{"var":"data.visit"},{"relativeMaxDate":30}]},true,"The visit must be within 30 days"]}}}]
            """, $$"""{"visit":"{{visit}}"}""", FirstOfMarch)
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
}
