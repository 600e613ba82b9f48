export { dateProblem, isIsoDate } from './iso-date.ts';
export { closedBecause, holidaysOf, isTradingDay, lastTradingDayOfMonth, SPECIAL_CLOSURES, tradingDaysOfMonth } from './nyse.ts';
export { firstTradingDayOfWeek, isMonthEnd, isQuarterEnd, startsPeriod, tradingDayOfMonth, weekIndex, type SchedulePeriod, type TradingDayOfMonth } from './schedule.ts';
