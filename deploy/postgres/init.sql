-- One database per service; no service reads another's.
CREATE DATABASE plan;
CREATE DATABASE activity;
CREATE DATABASE reporting;
CREATE DATABASE notification;
