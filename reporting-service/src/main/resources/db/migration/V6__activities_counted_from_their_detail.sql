-- A plan's activities are counted from activity_detail, which holds the same activities and keeps
-- their titles current: activity_overview was a second copy, written for every scheduled activity
-- and never changed after.
DROP TABLE activity_overview;
