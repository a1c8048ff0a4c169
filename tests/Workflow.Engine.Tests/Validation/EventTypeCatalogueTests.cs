using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Validation;

/// <summary>A message event whose event type the host never raises would wait forever: the host's catalogue refuses it.</summary>
public class EventTypeCatalogueTests
{
    private static Catalogue Events(params string[] types) => Catalogue.Of([], [], types) with { IsKnownCommand = null, IsKnownFormKey = null };

    [Fact]
    public void A_message_start_naming_an_event_type_the_host_does_not_raise_is_an_error_on_that_element()
    {
        var xml = Fixture.Xml("message-start.bpmn").Replace("eventType=\"DossierCreated\"", "eventType=\"DossierCreatd\"");

        var errors = DefinitionValidator.Validate(xml, Events("DossierCreated", "DossierClosed")).Errors;

        errors.ShouldHaveSingleItem().Element.ShouldBe("OnDossierCreated");
        errors[0].Message.ShouldContain("unknown event type 'DossierCreatd'");
    }

    [Fact]
    public void An_event_type_taken_from_the_bpmn_message_name_is_checked_too()
    {
        var xml = Fixture.Xml("message-start.bpmn")
            .Replace("<wf:message eventType=\"DossierCreated\" condition=\"event.kind === &#39;expertise&#39;\" />", "<wf:message />")
            .Replace("name=\"DossierCreated\"", "name=\"Dossier created\"");

        var errors = DefinitionValidator.Validate(xml, Events("DossierCreated")).Errors;

        errors.ShouldContain(e => e.Element == "OnDossierCreated" && e.Message.Contains("unknown event type 'Dossier created'"));
    }

    [Fact]
    public void Known_event_types_pass()
    {
        DefinitionValidator.Validate(Fixture.Xml("message-start.bpmn"), Events("DossierCreated")).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_list_of_event_types_any_type_is_accepted()
    {
        var xml = Fixture.Xml("message-start.bpmn").Replace("eventType=\"DossierCreated\"", "eventType=\"AnythingAtAll\"");

        DefinitionValidator.Validate(xml, Catalogue.Of(["BookAppointment"], ["planning"])).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Intermediate_catch_events_are_checked_as_well()
    {
        var xml = Fixture.Xml("intermediate-events.bpmn");
        var report = DefinitionValidator.Validate(xml);
        report.Errors.ShouldBeEmpty();
        var catchEvent = report.Definition!.Nodes.Values.First(n => n.Message is not null && n.Kind == Model.ElementKind.IntermediateCatchEvent);

        var errors = DefinitionValidator.Validate(xml, Events("SomethingElse")).Errors;

        errors.ShouldContain(e => e.Element == catchEvent.Id && e.Message.Contains($"unknown event type '{catchEvent.Message!.EventType}'"));
    }
}
