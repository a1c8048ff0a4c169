using System.Linq.Expressions;
using Workflow.Application.Common;

namespace Workflow.Application.Users;

public sealed record UserSummary(Guid Id, string FullName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Skills, Address? BaseAddress, string TimeZone);
