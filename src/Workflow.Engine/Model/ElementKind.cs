namespace Workflow.Engine.Model;

public enum ElementKind
{
    StartEvent,
    EndEvent,
    UserTask,
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    EventBasedGateway,
    IntermediateCatchEvent,
    BoundaryEvent,
    SubProcess,
}

public enum EventKind
{
    None,
    Message,
    Timer,
    Error,
    Terminate,
}

public enum TimerKind
{
    Date,
    Duration,
    Cycle,
}
