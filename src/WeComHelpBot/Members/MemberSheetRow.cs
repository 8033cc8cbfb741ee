namespace WeComHelpBot.Members;

/// <summary>One spreadsheet row as text cells, with its 1-based row number in the sheet.</summary>
internal sealed record MemberSheetRow(int RowNumber, IReadOnlyList<string> Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);

    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index].Trim() : string.Empty;
}
