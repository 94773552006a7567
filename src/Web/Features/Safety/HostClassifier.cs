namespace UrlShortener.Web.Features.Safety;

/// <summary>Where a host leads, as far as can be told without asking DNS.</summary>
internal enum HostCategory
{
    Public,
    Loopback,
    PrivateNetwork,
    LinkLocal,
    SharedAddressSpace,
    Unspecified,
    Multicast,
    Documentation,
    Reserved,
    CloudMetadata,
    LocalName,
}

/// <summary>
/// Sorts parsed hosts into public and not-public. Based on the IANA special-purpose address
/// registries; anything a browser could be steered by into a private network counts as
/// not public, including IPv6 forms that carry an IPv4 address inside them.
/// </summary>
internal static class HostClassifier
{
    // Most specific first: the metadata endpoints sit inside the link-local and CGNAT ranges,
    // and get their own category only so that the message says what they are.
    private static readonly (uint Network, int PrefixLength, HostCategory Category)[] IPv4Ranges =
    [
        (V4(169, 254, 169, 254), 32, HostCategory.CloudMetadata),  // AWS, GCP, Azure, OCI
        (V4(169, 254, 170, 2), 32, HostCategory.CloudMetadata),    // AWS ECS task metadata
        (V4(100, 100, 100, 200), 32, HostCategory.CloudMetadata),  // Alibaba Cloud
        (V4(0, 0, 0, 0), 8, HostCategory.Unspecified),
        (V4(10, 0, 0, 0), 8, HostCategory.PrivateNetwork),
        (V4(100, 64, 0, 0), 10, HostCategory.SharedAddressSpace),
        (V4(127, 0, 0, 0), 8, HostCategory.Loopback),
        (V4(169, 254, 0, 0), 16, HostCategory.LinkLocal),
        (V4(172, 16, 0, 0), 12, HostCategory.PrivateNetwork),
        (V4(192, 0, 0, 0), 24, HostCategory.Reserved),
        (V4(192, 0, 2, 0), 24, HostCategory.Documentation),
        (V4(192, 88, 99, 0), 24, HostCategory.Reserved),
        (V4(192, 168, 0, 0), 16, HostCategory.PrivateNetwork),
        (V4(198, 18, 0, 0), 15, HostCategory.Reserved),
        (V4(198, 51, 100, 0), 24, HostCategory.Documentation),
        (V4(203, 0, 113, 0), 24, HostCategory.Documentation),
        (V4(224, 0, 0, 0), 4, HostCategory.Multicast),
        (V4(240, 0, 0, 0), 4, HostCategory.Reserved),
    ];

    private static readonly (UInt128 Network, int PrefixLength, HostCategory Category)[] IPv6Ranges =
    [
        (V6(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254), 128, HostCategory.CloudMetadata),  // AWS IMDS over IPv6
        (V6(0x0064, 0xff9b, 0x0001, 0, 0, 0, 0, 0), 48, HostCategory.PrivateNetwork),  // local-use NAT64
        (V6(0x0100, 0, 0, 0, 0, 0, 0, 0), 64, HostCategory.Reserved),                 // discard-only
        (V6(0x2001, 0x0db8, 0, 0, 0, 0, 0, 0), 32, HostCategory.Documentation),
        (V6(0x2001, 0, 0, 0, 0, 0, 0, 0), 23, HostCategory.Reserved),                 // IETF protocol assignments, Teredo
        (V6(0x3fff, 0, 0, 0, 0, 0, 0, 0), 20, HostCategory.Documentation),
        (V6(0x5f00, 0, 0, 0, 0, 0, 0, 0), 16, HostCategory.Reserved),                 // SRv6 SIDs
        (V6(0xfc00, 0, 0, 0, 0, 0, 0, 0), 7, HostCategory.PrivateNetwork),            // unique local, fd00::/8 included
        (V6(0xfe80, 0, 0, 0, 0, 0, 0, 0), 10, HostCategory.LinkLocal),
        (V6(0xfec0, 0, 0, 0, 0, 0, 0, 0), 10, HostCategory.PrivateNetwork),           // deprecated site-local
        (V6(0xff00, 0, 0, 0, 0, 0, 0, 0), 8, HostCategory.Multicast),
    ];

    // Top-level names that never resolve on the public internet but often do inside a
    // network (RFC 6761, RFC 6762 appendix G, RFC 8375), so a link to them would reach
    // whatever answers inside the network of whoever follows it or previews it.
    private static readonly HashSet<string> LocalTopLevelNames = new(StringComparer.Ordinal)
    {
        "local", "localdomain", "internal", "intranet", "private", "corp", "home", "lan",
    };

    public static HostCategory Classify(ParsedHost host) => host.Kind switch
    {
        HostKind.IPv4 => ClassifyIPv4(host.IPv4),
        HostKind.IPv6 => ClassifyIPv6(host.IPv6),
        _ => ClassifyDomain(host.Name),
    };

    public static HostCategory ClassifyIPv4(uint address)
    {
        foreach (var (network, prefixLength, category) in IPv4Ranges)
        {
            var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
            if ((address & mask) == network)
            {
                return category;
            }
        }

        return HostCategory.Public;
    }

    public static HostCategory ClassifyIPv6(UInt128 address)
    {
        if (address == 0)
        {
            return HostCategory.Unspecified;
        }

        if (address == 1)
        {
            return HostCategory.Loopback;
        }

        if (EmbeddedIPv4(address) is { } embedded)
        {
            var category = ClassifyIPv4(embedded);

            // Deprecated IPv4-compatible addresses (::a.b.c.d) are not routed any more, even
            // when the address inside is public.
            return (address >> 32) == 0 && category == HostCategory.Public ? HostCategory.Reserved : category;
        }

        foreach (var (network, prefixLength, category) in IPv6Ranges)
        {
            var mask = UInt128.MaxValue << (128 - prefixLength);
            if ((address & mask) == network)
            {
                return category;
            }
        }

        // Only 2000::/3 is handed out as global unicast; everything else is reserved.
        return (address >> 125) == 1 ? HostCategory.Public : HostCategory.Reserved;
    }

    /// <summary>
    /// The IPv4 address inside the IPv6 forms that a network turns back into IPv4, which is
    /// where a connection to them really goes: ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT),
    /// 64:ff9b::a.b.c.d (NAT64), ::a.b.c.d (deprecated compatible) and 2002:AABB:CCDD::/48 (6to4).
    /// </summary>
    public static uint? EmbeddedIPv4(UInt128 address)
    {
        var high96 = address >> 32;
        if (high96 == 0xFFFF || high96 == 0xFFFF_0000 || high96 == (UInt128)0x0064_ff9b << 64 || (high96 == 0 && address > 1))
        {
            return (uint)(address & uint.MaxValue);
        }

        return (address >> 112) == 0x2002 ? (uint)(address >> 80) : null;
    }

    public static HostCategory ClassifyDomain(string name)
    {
        if (name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return HostCategory.Loopback;
        }

        if (name == "metadata.google.internal")
        {
            return HostCategory.CloudMetadata;
        }

        if (name == "home.arpa" || name.EndsWith(".home.arpa", StringComparison.Ordinal))
        {
            return HostCategory.LocalName;
        }

        // A bare "intranet" is judged as a single-label host instead (INVALID_HOST), which
        // tells the person what to fix; only names under these top-level names are local.
        var lastDot = name.LastIndexOf('.');
        return lastDot >= 0 && LocalTopLevelNames.Contains(name[(lastDot + 1)..])
            ? HostCategory.LocalName
            : HostCategory.Public;
    }

    /// <summary>Completes "… is {description}" in a refusal message.</summary>
    public static string Describe(HostCategory category) => category switch
    {
        HostCategory.Loopback => "a loopback address (this machine)",
        HostCategory.PrivateNetwork => "a private-network address",
        HostCategory.LinkLocal => "a link-local address",
        HostCategory.SharedAddressSpace => "a carrier-grade NAT (shared) address",
        HostCategory.Unspecified => "the unspecified address",
        HostCategory.Multicast => "a multicast address",
        HostCategory.Documentation => "an address reserved for documentation",
        HostCategory.Reserved => "a reserved address that is not publicly routed",
        HostCategory.CloudMetadata => "a cloud metadata endpoint",
        HostCategory.LocalName => "a name that only resolves inside a local network",
        _ => "a public address",
    };

    private static uint V4(byte a, byte b, byte c, byte d) => ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;

    private static UInt128 V6(ushort p0, ushort p1, ushort p2, ushort p3, ushort p4, ushort p5, ushort p6, ushort p7)
    {
        UInt128 value = 0;
        foreach (var piece in (ReadOnlySpan<ushort>)[p0, p1, p2, p3, p4, p5, p6, p7])
        {
            value = (value << 16) | piece;
        }

        return value;
    }
}
