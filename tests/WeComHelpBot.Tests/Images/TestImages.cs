using System.Diagnostics;

namespace WeComHelpBot.Tests.Images;

/// <summary>Images drawn for the tests with ImageMagick and the Noto CJK font: licence-like cards and error screenshots.</summary>
internal static class TestImages
{
    /// <summary>Debian's ImageMagick (a bare "convert" on PATH may be something else).</summary>
    public const string ConvertPath = "/usr/bin/convert";

    public const string FontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    public const string ValidCode = "91350100M000100Y43";

    public const string CompanyName = "福州星河网络科技有限公司";

    /// <summary>A licence-like card, turned a little and slightly blurred as a phone photo is.</summary>
    public static byte[] Licence(string code, string name = CompanyName) => Draw(
        "-size", "1000x640", "xc:white", "-fill", "black",
        "-pointsize", "48", "-annotate", "+330+90", "营业执照",
        "-pointsize", "28", "-annotate", "+60+170", $"统一社会信用代码  {code}",
        "-annotate", "+60+240", $"名    称  {name}",
        "-annotate", "+60+300", "类    型  有限责任公司",
        "-annotate", "+60+360", "法定代表人  张三",
        "-background", "white", "-rotate", "2", "-blur", "0x0.8");

    /// <summary>A screenshot-like image: a page title and a red error line.</summary>
    public static byte[] ErrorScreenshot(string error) => Draw(
        "-size", "1100x360", "xc:white", "-fill", "black",
        "-pointsize", "30", "-annotate", "+40+70", "企业微信 管理后台",
        "-fill", "#c0392b", "-pointsize", "30", "-annotate", "+40+200", error);

    /// <summary>A photographed member list: names, phones, departments.</summary>
    public static byte[] MemberList() => Draw(
        "-size", "900x360", "xc:white", "-fill", "black", "-pointsize", "28",
        "-annotate", "+40+60", "姓名      手机          部门",
        "-annotate", "+40+130", "张三   13800138000   销售部",
        "-annotate", "+40+200", "李四   13900139000   财务部",
        "-annotate", "+40+270", "王五   13700137000   行政部");

    public static byte[] Blank() => Draw("-size", "400x300", "xc:white");

    /// <summary>A real picture whose width is over <see cref="WeComHelpBot.Images.ImageOptions.MaxSide"/>.</summary>
    public static byte[] VeryWide() => Draw("-size", "13000x40", "xc:white");

    private static byte[] Draw(params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wecomhelpbot-test-{Guid.NewGuid():N}.png");
        try
        {
            var start = new ProcessStartInfo(ConvertPath) { RedirectStandardError = true };
            var font = Array.IndexOf(arguments, "-fill");
            foreach (var (argument, index) in arguments.Select((a, i) => (a, i)))
            {
                if (index == font)
                {
                    start.ArgumentList.Add("-font");
                    start.ArgumentList.Add(FontPath);
                }

                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"convert failed: {errors}");
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
