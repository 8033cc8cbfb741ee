using WeComHelpBot.Images;

namespace WeComHelpBot.Tests.Images;

public sealed class ImageTextClassifierTests
{
    [Fact]
    public void LicenceText_GivesTheRepairedCodeAndTheName()
    {
        var reading = ImageTextClassifier.Classify("营业执照\n统一社会信用代码 91350100M00O100Y43\n名 称 福州星河网络科技有限公司\n类型 有限责任公司");

        Assert.Equal(ImageKind.Licence, reading.Kind);
        Assert.Equal("91350100M00O100Y43", reading.Licence!.CodeAsRead);
        Assert.Equal(TestImages.ValidCode, reading.Licence.Code);
        Assert.Equal([11], reading.Licence.CorrectedPositions);
        Assert.Equal(TestImages.CompanyName, reading.Licence.CompanyName);
    }

    [Fact]
    public void LicenceWithAnUnreadableCode_IsALicenceWithoutCode()
    {
        var reading = ImageTextClassifier.Classify("营业执照\n统一社会信用代码 9135O1OOMOOO1OOY4\n名称 福州星河网络科技有限公司");

        Assert.Equal(ImageKind.Licence, reading.Kind);
        Assert.False(reading.Licence!.CodeFound);
    }

    [Fact]
    public void MemberList_IsRecognized()
    {
        Assert.Equal(ImageKind.MemberList, ImageTextClassifier.Classify("姓名 手机 部门\n张三 13800138000 销售部").Kind);
    }

    [Fact]
    public void ErrorPage_IsText()
    {
        Assert.Equal(ImageKind.Text, ImageTextClassifier.Classify("企业微信\n导入失败：该手机号已被企业内其他成员使用").Kind);
    }

    [Fact]
    public void OcrSpacesBetweenChineseCharacters_AreRemoved()
    {
        Assert.Equal("统一社会信用代码91350100 M000\n名称福州", OcrText.Clean("统 一 社 会 信用代码  91350100 M000\n\n 名 称 福州 \n", 1000));
    }
}
