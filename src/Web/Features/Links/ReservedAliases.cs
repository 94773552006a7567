using System.Collections.Frozen;
using Microsoft.AspNetCore.Routing.Patterns;

namespace UrlShortener.Web.Features.Links;

/// <summary>
/// Words that can never be short codes: the product's own vocabulary plus the first segment of every route the
/// app serves (pages, API, static files), read from the endpoint table so that a new page is protected the
/// day it ships. Compared case-insensitively, because <c>/Admin</c> and <c>/admin</c> look the same to a person.
/// </summary>
public sealed class ReservedAliases(EndpointDataSource endpoints)
{
    private static readonly string[] Words =
    [
        "api", "admin", "dashboard", "account", "accounts", "login", "logout", "signin", "signout", "signup",
        "register", "settings", "healthz", "health", "metrics", "openapi", "swagger", "static", "assets",
        "_framework", "_blazor", "_content", "favicon.ico", "robots.txt", ".well-known", "links", "keys",
        "analytics", "users", "about", "help", "support", "terms", "privacy", "status", "docs", "www",
    ];

    private FrozenSet<string>? _all;

    public bool Contains(string alias) => (_all ??= Build()).Contains(alias);

    public IReadOnlyCollection<string> All => _all ??= Build();

    private FrozenSet<string> Build()
    {
        var set = new HashSet<string>(Words, StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint is RouteEndpoint { RoutePattern.PathSegments: [var first, ..] }
                && first.Parts is [RoutePatternLiteralPart literal])
            {
                set.Add(literal.Content);
            }
        }

        return set.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
