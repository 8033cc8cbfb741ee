using System.Net;
using WeComHelpBot.Server.DirectLine;

namespace WeComHelpBot.Server.Tests.DirectLine;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void KeyOf_CountsIPv4AddressesAndIPv6Networks(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));

    [Fact]
    public void KeyOf_NoAddress_IsOneLocalClient() => Assert.Equal("local", ClientAddress.KeyOf((IPAddress?)null));
}
