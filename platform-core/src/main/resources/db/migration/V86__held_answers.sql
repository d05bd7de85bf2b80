-- In an anonymous session, an answer written after its step was revealed would appear on every
-- screen at once and name its writer in a small team. Such an answer is stored (nothing is lost)
-- but held: no view shows it, no live count includes it, until the facilitator's next reveal
-- releases the held answers of the step together (see HeldAnswers).
ALTER TABLE answer ADD COLUMN held boolean NOT NULL DEFAULT false;
