namespace WeComHelpBot.Recognition;

/// <summary>How long ago something happened: the day it happened and the calendar and working days since then.</summary>
public sealed record ElapsedTime(DateOnly Since, int CalendarDays, int WorkingDays);
