using Workflow.Forms.Schema;

namespace Workflow.Forms.Tests;

public class SchemaParserTests
{
    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "a form schema is a JSON object")]
    [InlineData("""{"display":"form"}""", "components must be an array")]
    [InlineData("""{"display":"slides","components":[]}""", "display 'slides' is not form or wizard")]
    [InlineData("""{"components":[42]}""", "a component is a JSON object")]
    [InlineData("""{"components":[{"key":"a"}]}""", "a component needs a type")]
    [InlineData("""{"components":[{"type":"textfield","input":true}]}""", "the textfield component needs a key")]
    [InlineData("""{"components":[{"type":"textfield","key":"a b","input":true}]}""", "key 'a b' may hold only letters, digits, '-' and '_'")]
    [InlineData("""{"components":[{"type":"textfield","key":"a"},{"type":"number","key":"a"}]}""", "two components write to 'a'")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","validate":{"pattern":"[a-"}}]}""", "pattern '[a-' is not a regular expression")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","validate":"required"}]}""", "validate must be an object")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","conditional":{"json":{"_sample":[[1,2]]}}}]}""", "JSON Logic operation '_sample' is not supported")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","validate":{"json":{"if":[{"sum":[1,2]},true,"no"]}}}]}""", "JSON Logic operation 'sum' is not supported")]
    public void Malformed_schema_is_refused_with_its_reason(string json, string reason) =>
        Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(json)).Reason.ShouldStartWith(reason);

    [Fact]
    public void Captcha_is_refused_naming_the_type_the_reason_and_its_place()
    {
        var error = Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(
            """{"components":[{"type":"panel","key":"p","components":[{"type":"recaptcha","key":"captcha","input":true}]}]}"""));
        error.Reason.ShouldBe("the recaptcha component is not supported: its token must be verified with the captcha provider, which this validator does not do");
        error.Location.ShouldBe("components[0].components[0]");
    }

    [Fact]
    public void A_required_field_inside_an_address_is_refused_since_no_submission_could_fill_it()
    {
        var error = Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(
            """{"components":[{"type":"address","key":"home","input":true,"enableManualMode":true,"components":[{"type":"textfield","key":"address1","input":true},{"type":"textfield","key":"city","input":true,"validate":{"required":true}}]}]}"""));
        error.Reason.ShouldBe("the field 'city' of the address 'home' is required, which no submission could satisfy: " +
                              "Form.io checks it at 'home.city', where an address never keeps it; make the address itself required instead");
        error.Location.ShouldBe("components[0].components[1]");
        FormSchemaParser.Parse("""{"components":[{"type":"address","key":"home","input":true,"validate":{"required":true},"components":[{"type":"textfield","key":"city","input":true}]}]}""")
            .Components.Single().Required.ShouldBeTrue();
    }

    [Fact]
    public void A_nested_form_that_only_names_another_form_is_refused_since_its_data_would_pass_unchecked()
    {
        const string byId = """{"components":[{"type":"panel","key":"p","components":[{"type":"form","key":"insured","input":true,"form":"5f2a9c0e8b1d4a0012345678","reference":true}]}]}""";
        var error = Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(byId));
        error.Reason.ShouldBe("the nested form 'insured' names form '5f2a9c0e8b1d4a0012345678' without including its components, so its data could not be checked: " +
                              "put the other form's components inside the nested form, or leave the nested form out");
        error.Location.ShouldBe("components[0].components[0]");
        Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(
            """{"components":[{"type":"form","key":"insured","input":true,"src":"https://example.formio.io/insured"}]}""")).Reason.ShouldContain("'https://example.formio.io/insured'");

        // With its components inside, or when the caller asks for a Form.io server's behaviour without the named form, it is accepted.
        FormSchemaParser.Parse("""{"components":[{"type":"form","key":"insured","input":true,"form":"5f2a9c0e8b1d4a0012345678","components":[{"type":"textfield","key":"name","input":true}]}]}""")
            .Components.Single().Children.Single().Key.ShouldBe("name");
        FormSchemaParser.Parse(byId, references: NestedFormReferences.Unchecked).All().Last().Type.ShouldBe("form");
    }

    [Fact]
    public void Captcha_checked_by_the_application_is_accepted() =>
        FormSchemaParser.Parse("""{"components":[{"type":"recaptcha","key":"captcha","input":true}]}""", ["recaptcha"]).Components.Single().Type.ShouldBe("recaptcha");

    [Theory]
    [InlineData("signaturePad", ModelType.Any)]
    [InlineData("custom", ModelType.Any)]
    [InlineData("file", ModelType.Any)]
    [InlineData("form", ModelType.DataObject)]
    [InlineData("address", ModelType.Object)]
    [InlineData("datamap", ModelType.Map)]
    [InlineData("tagpad", ModelType.NestedDataArray)]
    [InlineData("datatable", ModelType.NestedArray)]
    public void Component_type_gets_cores_model(string type, ModelType model) =>
        FormSchemaParser.Parse($$"""{"components":[{"type":"{{type}}","key":"x","input":true}]}""").Components.Single().Model.ShouldBe(model);

    [Theory]
    [InlineData("""{"type":"myLayout","key":"l","input":false,"components":[]}""", ModelType.None)]
    [InlineData("""{"type":"myLayout","key":"l","components":[]}""", ModelType.None)]
    [InlineData("""{"type":"button","key":"b","input":false}""", ModelType.None)]
    [InlineData("""{"type":"textfield","key":"t","input":false}""", ModelType.String)]
    [InlineData("""{"type":"myGrid","key":"g","input":true,"modelType":"nestedArray","components":[]}""", ModelType.NestedArray)]
    public void Unknown_or_value_less_type_gets_the_model_cores_getModelType_gives(string component, ModelType model) =>
        FormSchemaParser.Parse($$"""{"components":[{{component}}]}""").Components.Single().Model.ShouldBe(model);

    [Fact]
    public void Nested_form_children_write_under_its_data()
    {
        var error = Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(
            """{"components":[{"type":"form","key":"f","input":true,"components":[{"type":"textfield","key":"a"},{"type":"textfield","key":"a"}]},{"type":"textfield","key":"a"}]}"""));
        error.Reason.ShouldBe("two components write to 'f.data.a'");
    }

    [Fact]
    public void Appointment_planner_is_a_known_type() =>
        FormSchemaParser.Parse("""{"components":[{"type":"appointmentPlanner","key":"rdv","input":true}]}""").Components.Single().Type.ShouldBe("appointmentPlanner");

    [Fact]
    public void Same_key_in_two_grids_is_allowed() =>
        FormSchemaParser.Parse("""{"components":[{"type":"datagrid","key":"a","components":[{"type":"textfield","key":"x"}]},{"type":"container","key":"b","components":[{"type":"textfield","key":"x"}]}]}""")
            .All().Count().ShouldBe(4);

    [Fact]
    public void Columns_table_and_tabs_children_are_found() =>
        FormSchemaParser.Parse("""
            {"components":[
              {"type":"columns","key":"c","columns":[{"components":[{"type":"textfield","key":"a"}]}]},
              {"type":"table","key":"t","rows":[[{"components":[{"type":"textfield","key":"b"}]}]]},
              {"type":"tabs","key":"s","components":[{"key":"t1","components":[{"type":"textfield","key":"d"}]}]}]}
            """).All().Select(c => c.Key).ShouldBe(["c", "a", "t", "b", "s", "d"]);
}
