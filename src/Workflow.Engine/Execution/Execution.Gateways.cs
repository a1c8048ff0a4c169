using Workflow.Engine.Model;
using Workflow.Engine.State;

namespace Workflow.Engine.Execution;

internal sealed partial class Execution
{
    /// <summary>Conditions are tried in document order; the first true one wins, else the default flow.</summary>
    private void ChooseExclusive(Token token, FlowNode node)
    {
        if (node.Outgoing.Count == 1 && definition.Flows[node.Outgoing[0]].Condition is null)
        {
            Leave(token, node);
            return;
        }
        foreach (var flowId in node.Outgoing.Where(id => id != node.DefaultFlowId))
        {
            var condition = definition.Flows[flowId].Condition;
            if (condition is null)
                continue;
            var result = Evaluate(condition);
            if (result.Failed)
            {
                RaiseIncident(token, $"condition of '{flowId}': {result.Error}");
                return;
            }
            if (result.IsTruthy)
            {
                Leave(token, node, [flowId]);
                return;
            }
        }
        if (node.DefaultFlowId is not null)
            Leave(token, node, [node.DefaultFlowId]);
        else
            RaiseIncident(token, "no condition is true and the gateway has no default flow");
    }

    /// <summary>A join waits for one token per incoming flow in the same scope, then one token goes on.</summary>
    private void JoinOrFork(Token token, FlowNode node)
    {
        if (node.Incoming.Count <= 1)
        {
            Leave(token, node);
            return;
        }
        token.Status = TokenStatus.Joining;
        var arrived = state.Tokens
            .Where(t => t.Status == TokenStatus.Joining && t.ElementId == node.Id && t.ScopeId == token.ScopeId)
            .ToList();
        var oneEach = new List<Token>();
        foreach (var flowId in node.Incoming)
        {
            var match = flowId == token.ArrivedVia ? token : arrived.FirstOrDefault(t => t.ArrivedVia == flowId);
            if (match is null)
                return;
            oneEach.Add(match);
        }
        foreach (var other in oneEach.Where(t => t.Id != token.Id))
            RemoveToken(other);
        Leave(token, node);
    }

    private void AwaitFirstEvent(Token token, FlowNode node)
    {
        token.Status = TokenStatus.Waiting;
        foreach (var flowId in node.Outgoing)
        {
            var target = definition.Nodes[definition.Flows[flowId].TargetRef];
            if (!AwaitEvent(token, target, groupId: token.Id))
            {
                // Half-made subscriptions would fire later into a token that sits on an incident.
                foreach (var wait in state.Waits.Where(w => w.TokenId == token.Id).ToList())
                    CancelWait(wait);
                return;
            }
        }
    }
}
