# Scenario file: protection before any request to India's consulates (in.yaml, with
# the shared protection screening, screening.yaml).
#
# Run them with:
#
#     natid test questionnaires/in.yaml
#
# docs/scenarios.md lists every sentence natid understands; docs/protection.md says
# what the screening's flags do.

Feature: Protection comes before any request to India's consulates
  Nothing reaches a consulate for a person who may need protection: a wish to seek
  asylum, fear of return or signs of trafficking produce a referral instead, and a
  child's request waits for the best-interests step.

  Background:
    Given an interview with the India questionnaire
    And the interview begins with the protection screening
    And the interview is held in Mexico
    And the interview takes place on 2026-03-01

  Scenario: A wish to seek asylum blocks the request and produces a referral
    When the person answers the protection screening with no flag raised, except:
      | question     | answer |
      | wants_asylum | yes    |
    Then the flag "asylum_intent" is raised
    When the person gives these answers:
      | question         | answer         |
      | full_name        | Gurpreet Singh |
      | father_name      | Harjit Singh   |
      | date_of_birth    | 1995-06-10     |
      | state            | Punjab         |
      | village_or_town  | Nakodar        |
      | documents_held   | Aadhaar card   |
      | languages_spoken | Punjabi, Hindi |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then no certificate request is produced
    And the request is held back because of "protection"
    When the officer asks for the referral
    Then a referral goes to the "asylum_authority"

  Scenario: Signs of trafficking block the request, even before the interview ends
    When the person answers the protection screening with no flag raised, except:
      | question                | answer |
      | documents_held_by_other | yes    |
    And the officer asks for the certificate request
    Then no certificate request is produced
    And the request is held back because of "protection"
    When the officer asks for the referral
    Then a referral goes to the "anti_trafficking"

  Scenario: A child travelling alone waits for the best-interests step
    When the person answers the protection screening with no flag raised, except:
      | question        | answer |
      | age             | 15     |
      | travelling_with | alone  |
    Then the flag "unaccompanied_or_separated_child" is raised
    When the person gives these answers:
      | question         | answer         |
      | full_name        | Gurpreet Singh |
      | father_name      | Harjit Singh   |
      | date_of_birth    | 2010-06-10     |
      | state            | Punjab         |
      | village_or_town  | Nakodar        |
      | documents_held   | Aadhaar card   |
      | languages_spoken | Punjabi, Hindi |
      | currency         | rupee          |
      | independence_day | 15 August      |
      | national_anthem  | Jana Gana Mana |
    And the officer confirms these answers:
      | question         | because                                 |
      | documents_held   | Aadhaar card seen, photo and name match |
      | languages_spoken | the interpreter confirms fluent Punjabi |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is held back because of "best_interests_pending"
    When the officer asks for the referral
    Then a referral goes to the "child_protection"
    When the officer records the best-interests step from "Procuraduría de Protección de Niñas, Niños y Adolescentes, Chiapas" with reference "PPNNA-CHIS-2026-0412"
    And the officer asks for the certificate request
    Then the request is addressed to "Embassy of India, Mexico City"

  Scenario: A clean interview yields a request to the consulate that serves the country
    When the person answers the protection screening with no flag raised
    And the person gives these answers:
      | question         | answer         |
      | full_name        | Gurpreet Singh |
      | father_name      | Harjit Singh   |
      | date_of_birth    | 1995-06-10     |
      | state            | Punjab         |
      | village_or_town  | Nakodar        |
      | documents_held   | Aadhaar card   |
      | languages_spoken | Punjabi, Hindi |
      | currency         | rupee          |
      | independence_day | 15 August      |
      | national_anthem  | Jana Gana Mana |
    And the officer confirms these answers:
      | question         | because                                 |
      | documents_held   | Aadhaar card seen, photo and name match |
      | languages_spoken | the interpreter confirms fluent Punjabi |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "Embassy of India, Mexico City"

  Scenario: Held in Guatemala, the request goes to the embassy that serves Guatemala
    Given the interview is held in Guatemala
    When the person answers the protection screening with no flag raised
    And the person gives these answers:
      | question         | answer         |
      | full_name        | Gurpreet Singh |
      | father_name      | Harjit Singh   |
      | date_of_birth    | 1995-06-10     |
      | state            | Punjab         |
      | village_or_town  | Nakodar        |
      | documents_held   | Aadhaar card   |
      | languages_spoken | Punjabi, Hindi |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "Embassy of India, Guatemala City"

  Scenario: Another declared nationality is routed first
    When the person answers the protection screening with no flag raised, except:
      | question             | answer |
      | declared_nationality | NP     |
    And the person gives these answers:
      | question         | answer         |
      | full_name        | Gurpreet Singh |
      | father_name      | Harjit Singh   |
      | date_of_birth    | 1995-06-10     |
      | state            | Punjab         |
      | village_or_town  | Nakodar        |
      | documents_held   | Aadhaar card   |
      | languages_spoken | Punjabi, Hindi |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is held back because of "declared_elsewhere"
