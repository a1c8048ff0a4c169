using MediatR;

namespace Workflow.Application.Common.Messaging;

/// <summary>A command changes state: it runs inside one transaction and its domain events are published after commit.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommandMarker;

public interface ICommandMarker;

/// <summary>A query reads; it never opens a transaction of its own.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
