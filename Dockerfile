# Builds and runs the web application (docs/operations.md, "Docker").
# Not exercised by CI: Docker is not available on the build machines.

# The Form.io renderer the task pages load (wwwroot/lib is not committed), as scripts/run.sh installs it.
FROM node:20 AS web
WORKDIR /source
COPY src/Workflow.Web/client/package.json src/Workflow.Web/client/package-lock.json src/Workflow.Web/client/
COPY scripts/web-assets.sh scripts/
RUN bash -c 'source scripts/web-assets.sh && web_assets'

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files only, so the layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Workflow.Engine/Workflow.Engine.csproj src/Workflow.Engine/
COPY src/Workflow.Forms/Workflow.Forms.csproj src/Workflow.Forms/
COPY src/Workflow.Application/Workflow.Application.csproj src/Workflow.Application/
COPY src/Workflow.Web/Workflow.Web.csproj src/Workflow.Web/
RUN dotnet restore src/Workflow.Web/Workflow.Web.csproj

COPY src/ src/
# The shipped forms, imported at start-up.
COPY forms/ forms/
COPY --from=web /source/src/Workflow.Web/wwwroot/lib src/Workflow.Web/wwwroot/lib
RUN dotnet publish src/Workflow.Web -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Workflow.Web.dll"]
