"""The portal's own example guidance pages in Norwegian bokmål, in load order."""

from portal.example_guidance.bruk_nettsiden_trygt import PAGE as BRUK_NETTSIDEN_TRYGT
from portal.example_guidance.for_barn_og_unge import PAGE as FOR_BARN_OG_UNGE
from portal.example_guidance.hjelpe_en_venn import PAGE as HJELPE_EN_VENN
from portal.example_guidance.hva_er_vold import PAGE as HVA_ER_VOLD
from portal.example_guidance.hvem_ringer_jeg import PAGE as HVEM_RINGER_JEG
from portal.example_guidance.hvem_ringer_jeg_akutt_fare import PAGE as AKUTT_FARE
from portal.example_guidance.hvem_ringer_jeg_barn_forteller import (
    PAGE as BARN_FORTELLER,
)
from portal.example_guidance.hvem_ringer_jeg_eldre import PAGE as ELDRE
from portal.example_guidance.hvem_ringer_jeg_mistanke_barn import (
    PAGE as MISTANKE_BARN,
)
from portal.example_guidance.hvem_ringer_jeg_tvangsekteskap import (
    PAGE as TVANGSEKTESKAP,
)
from portal.example_guidance.hvem_ringer_jeg_utover_vil_ha_hjelp import (
    PAGE as UTOVER_VIL_HA_HJELP,
)
from portal.example_guidance.hvem_ringer_jeg_voksen_forteller import (
    PAGE as VOKSEN_FORTELLER,
)
from portal.example_guidance.hverdagskoordinator import PAGE as HVERDAGSKOORDINATOR
from portal.example_guidance.hvorfor_gar_hun_ikke import PAGE as HVORFOR_GAR_HUN_IKKE
from portal.example_guidance.nar_barnevernet_kommer_inn import (
    PAGE as NAR_BARNEVERNET_KOMMER_INN,
)
from portal.example_guidance.nar_du_ringer_politiet import (
    PAGE as NAR_DU_RINGER_POLITIET,
)
from portal.example_guidance.sikkerhetsplan import PAGE as SIKKERHETSPLAN

GUIDANCE_PAGES = [
    BRUK_NETTSIDEN_TRYGT,
    HVORFOR_GAR_HUN_IKKE,
    HJELPE_EN_VENN,
    SIKKERHETSPLAN,
    NAR_DU_RINGER_POLITIET,
    NAR_BARNEVERNET_KOMMER_INN,
    HVERDAGSKOORDINATOR,
    HVA_ER_VOLD,
    FOR_BARN_OG_UNGE,
    HVEM_RINGER_JEG,
    AKUTT_FARE,
    BARN_FORTELLER,
    MISTANKE_BARN,
    VOKSEN_FORTELLER,
    TVANGSEKTESKAP,
    ELDRE,
    UTOVER_VIL_HA_HJELP,
]
