namespace Workflow.Forms.Tests;

public class TextRuleTests
{
    private const string Name = """[{"type":"textfield","key":"name","label":"Name","input":true,"validate":{"required":true,"minLength":3,"maxLength":5}}]""";

    [Fact]
    public void Missing_required_value_fails_required() =>
        Forms.Errors(Name, "{}").ShouldBe(["name:required"]);

    [Fact]
    public void Blank_string_counts_as_missing() =>
        Forms.Errors(Name, """{"name":"   "}""").ShouldBe(["name:required"]);

    [Fact]
    public void Too_short_value_fails_minLength() =>
        Forms.Errors(Name, """{"name":"ab"}""").ShouldBe(["name:minLength"]);

    [Fact]
    public void Too_long_value_fails_maxLength() =>
        Forms.Errors(Name, """{"name":"abcdef"}""").ShouldBe(["name:maxLength"]);

    [Fact]
    public void Value_within_bounds_passes() =>
        Forms.Errors(Name, """{"name":"abcd"}""").ShouldBeEmpty();

    [Fact]
    public void Length_settings_given_as_strings_are_read_as_numbers() =>
        Forms.Errors("""[{"type":"textfield","key":"a","input":true,"validate":{"minLength":"4"}}]""", """{"a":"abc"}""")
            .ShouldBe(["a:minLength"]);

    [Fact]
    public void Pattern_is_anchored_at_both_ends() =>
        Forms.Errors("""[{"type":"textfield","key":"zip","input":true,"validate":{"pattern":"[0-9]{5}"}}]""", """{"zip":"750012"}""")
            .ShouldBe(["zip:pattern"]);

    [Fact]
    public void Pattern_matching_whole_value_passes() =>
        Forms.Errors("""[{"type":"textfield","key":"zip","input":true,"validate":{"pattern":"[0-9]{5}"}}]""", """{"zip":"75001"}""")
            .ShouldBeEmpty();

    [Fact]
    public void Pattern_alternatives_are_anchored_as_formio_pastes_the_anchors() =>
        // ^a|b$ : "ab" starts with a, so it matches, as in Form.io.
        Forms.Errors("""[{"type":"textfield","key":"x","input":true,"validate":{"pattern":"a|b"}}]""", """{"x":"ax"}""")
            .ShouldBeEmpty();

    [Fact]
    public void Empty_value_is_not_checked_against_the_pattern() =>
        Forms.Errors("""[{"type":"textfield","key":"zip","input":true,"validate":{"pattern":"[0-9]{5}"}}]""", """{"zip":""}""")
            .ShouldBeEmpty();

    [Fact]
    public void Too_few_words_fail_minWords() =>
        Forms.Errors("""[{"type":"textarea","key":"t","input":true,"validate":{"minWords":3}}]""", """{"t":"two words"}""")
            .ShouldBe(["t:minWords"]);

    [Fact]
    public void Too_many_words_fail_maxWords() =>
        Forms.Errors("""[{"type":"textarea","key":"t","input":true,"validate":{"maxWords":2}}]""", """{"t":" one  two three "}""")
            .ShouldBe(["t:maxWords"]);

    [Fact]
    public void Words_are_counted_across_any_white_space() =>
        Forms.Errors("""[{"type":"textarea","key":"t","input":true,"validate":{"minWords":3,"maxWords":3}}]""", "{\"t\":\"a\\n b\\tc\"}")
            .ShouldBeEmpty();

    [Fact]
    public void Custom_message_keeps_only_the_first_failure_of_the_field() =>
        Forms.Errors("""[{"type":"textfield","key":"a","input":true,"validate":{"minLength":5,"pattern":"[0-9]+","customMessage":"Bad"}}]""", """{"a":"ab"}""")
            .ShouldBe(["a:minLength"]);

    [Fact]
    public void Messages_are_given_in_english_and_french()
    {
        var error = Forms.Validate(Name, """{"name":"ab"}""").Errors.ShouldHaveSingleItem();
        error.Message("en").ShouldBe("Name must have at least 3 characters");
        error.Message("fr").ShouldBe("Name doit contenir au moins 3 caractères");
    }

    [Fact]
    public void Custom_message_replaces_the_rule_text()
    {
        var error = Forms.Validate("""[{"type":"textfield","key":"a","input":true,"validate":{"required":true,"customMessage":"Donnez un nom"}}]""", "{}").Errors.ShouldHaveSingleItem();
        error.Message("fr").ShouldBe("Donnez un nom");
        error.Rule.ShouldBe("required");
    }

    [Fact]
    public void Pattern_refuses_a_trailing_newline_as_javascript_does() =>
        Forms.Errors("""[{"type":"textfield","key":"zip","input":true,"validate":{"pattern":"[0-9]{5}"}}]""", "{\"zip\":\"75001\\n\"}")
            .ShouldBe(["zip:pattern"]);
}
